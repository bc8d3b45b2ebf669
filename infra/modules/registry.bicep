// Container registry that azd pushes the Functions image to. Pulls use the managed identity
// (AcrPull), so the admin user stays off and no registry password exists anywhere.

@description('Azure region for the registry.')
param location string

@description('Tags applied to the registry.')
param tags object

@description('Registry name: 5-50 alphanumeric characters, globally unique.')
@minLength(5)
@maxLength(50)
param name string

@description('Registry SKU. Premium enables artifact streaming, which shortens GPU cold starts for large images.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string = 'Basic'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // No admin user: the app pulls with its managed identity (AcrPull). Anonymous pull is off by default.
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

output id string = registry.id
output name string = registry.name
output loginServer string = registry.properties.loginServer
