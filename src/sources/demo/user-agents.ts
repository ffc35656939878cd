/** User agents the demo writes: browsers and Office for people, tool and SDK strings for automation. */
export interface Client {
  userAgent: string;
  operatingSystem: string;
  browser: string;
}

export const BROWSERS: readonly Client[] = [
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
    operatingSystem: 'Windows10',
    browser: 'Edge 141.0.0',
  },
  {
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
    operatingSystem: 'Windows10',
    browser: 'Chrome 141.0.0',
  },
  {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
    operatingSystem: 'MacOs',
    browser: 'Chrome 141.0.0',
  },
  {
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15',
    operatingSystem: 'MacOs',
    browser: 'Safari 18.6',
  },
];

export const OFFICE_CLIENTS: readonly Client[] = [
  { userAgent: 'Mozilla/5.0 (compatible; MSAL 1.0) PKeyAuth/1.0', operatingSystem: 'Windows10', browser: 'Rich Client 4.66.0.0' },
  { userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)', operatingSystem: 'Windows10', browser: 'Rich Client 16.0.18129' },
  { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Teams/25000.1', operatingSystem: 'Ios 18.6', browser: 'Mobile Safari' },
];

export const AZURE_MOBILE_APP: Client = {
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AzureMobile/5.41.0',
  operatingSystem: 'Ios 18.6',
  browser: 'Rich Client 5.41.0',
};

function tool(userAgent: string, operatingSystem: string): Client {
  return { userAgent, operatingSystem, browser: '' };
}

/** Automation clients, by where and how they run. */
export const TOOLS = {
  cliOnAzureVm: tool('azure-cli/2.58.0 (RPM) azsdk-python-core/1.29.0 Python/3.9.18 (Linux-5.14.0-427.el9.x86_64-x86_64-with-glibc2.34)', 'Linux'),
  cliHumanWorkstation: tool('azure-cli/2.77.0 (MSI) azsdk-python-core/1.35.0 Python/3.12.10 (Windows-11-10.0.26100-SP0)', 'Windows10'),
  cliHumanMac: tool('azure-cli/2.77.0 (HOMEBREW) azsdk-python-core/1.35.0 Python/3.12.11 (macOS-15.6-arm64-arm-64bit)', 'MacOs'),
  cliTerraformGitHub: tool(
    'azure-cli/2.67.0 (DEB) azsdk-python-core/1.31.0 Python/3.12.7 (Linux-6.8.0-1017-azure-x86_64-with-glibc2.39) HashiCorp Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-azurerm/4.10.0 GITHUBACTIONS/AzureLogin@v2',
    'Linux',
  ),
  cliAdoHosted: tool(
    'azure-cli/2.66.0 (DEB) azsdk-python-core/1.31.0 Python/3.11.10 (Linux-6.5.0-1025-azure-x86_64-with-glibc2.35) VSTS_0fb41ef4-5012-48a9-bf39-4ee3de03ee35_build_214_0',
    'Linux',
  ),
  cliAdoSelfHosted: tool('azure-cli/2.61.0 (MSI) azsdk-python-core/1.30.1 Python/3.11.8 (Windows-2022Server-10.0.20348-SP0) VSTS_agent_selfhosted', 'Windows'),
  powershellOnPrem: tool('AzurePowershell/v11.3.1 PSVersion/v5.1.17763.6414 Az.Accounts/2.13.2', 'Windows'),
  powershellOnPremBackup: tool('AzurePowershell/v12.1.0 PSVersion/v5.1.20348.2849 Az.Accounts/3.0.4', 'Windows'),
  pythonRequests: tool('python-requests/2.32.3', 'Linux'),
  msalPython: tool('msal-python/1.31.0 python-requests/2.32.3 Python/3.11.9 (Windows-10-10.0.20348-SP0)', 'Windows'),
  pythonSdkAppService: tool('azsdk-python-identity/1.17.1 Python/3.11.9 (Linux-5.15.0-1073-azure-x86_64-with-glibc2.36)', 'Linux'),
  entraConnect: tool('Microsoft Azure AD Connect/2.4.27.0', 'Windows'),
} as const satisfies Record<string, Client>;
