// Returns the containers of an existing container app, or [] when it does not exist yet.
// azd deploys the image after provisioning; without this, every later `azd provision` would reset
// the app to the placeholder image. main.bicep passes SERVICE_FUNCTIONS_RESOURCE_EXISTS (set by azd).

@description('Whether the container app already exists.')
param exists bool

@description('Container app name.')
param name string

resource existingApp 'Microsoft.App/containerApps@2025-07-01' existing = if (exists) {
  name: name
}

output containers array = exists ? existingApp!.properties.template.containers : []
