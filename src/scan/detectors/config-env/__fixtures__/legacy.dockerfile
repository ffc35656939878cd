FROM python:3.12
ENV AZURE_AD_USER automation@contoso.com
# ruleid: config-env/ansible-ad-user-password
ENV AZURE_PASSWORD hunter2-placeholder
ENV PATH=/opt/bin:$PATH \
# ruleid: config-env/azure-client-secret
    AZURE_CLIENT_SECRET=from-build
