// The one identity the Functions app runs as: host storage (AzureWebJobsStorage__*), the app's own
// blob access (Azure.Identity via AZURE_CLIENT_ID), the KEDA queue scaler, and image pulls from ACR.
// User-assigned rather than system-assigned so the role assignments exist before the app's first
// revision starts; otherwise the first pull and the first storage call race the RBAC grants.

@description('Azure region for the identity.')
param location string

@description('Tags applied to the identity.')
param tags object

@description('Managed identity name.')
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
