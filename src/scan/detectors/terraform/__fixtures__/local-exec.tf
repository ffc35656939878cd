# local-exec runs on the machine that runs Terraform, with its login.
resource "null_resource" "seed" {
  provisioner "local-exec" {
    # ruleid: shell/az-login-service-principal-secret
    command = "az login --service-principal -u ${var.client_id} -p $ARM_CLIENT_SECRET --tenant ${var.tenant_id}"
  }
}

resource "terraform_data" "grant" {
  provisioner "local-exec" {
    interpreter = ["pwsh", "-NoProfile", "-Command"]
    command     = <<-EOT
      $secure = ConvertTo-SecureString $env:GRANT_PASSWORD -AsPlainText -Force
      # ruleid: powershell/connect-mggraph-service-principal-secret
      Connect-MgGraph -TenantId ${var.tenant_id} -Credential ([pscredential]::new('${var.grant_app_id}', $secure))
    EOT
  }
}

resource "null_resource" "report" {
  provisioner "local-exec" {
    interpreter = ["python3", "-c"]
    # ok: shell/az-login-interactive
    command     = "print('run az login first')"
  }
}
