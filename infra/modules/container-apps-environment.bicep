// Container Apps environment (workload-profiles type) with the default Consumption profile and,
// when enabled, one serverless GPU profile the Functions app is pinned to.
// A GPU profile can only be added when the environment is created, so switching `gpuProfile`
// (or turning GPUs on) later means a new environment: delete it, or use a new azd environment.

@description('Azure region. Serverless GPUs exist only in some regions; see infra/README.md.')
param location string

@description('Tags applied to the environment.')
param tags object

@description('Environment name.')
param name string

@description('Log Analytics workspace that receives the environment logs.')
param logAnalyticsWorkspaceId string

@description('Add a serverless GPU workload profile.')
param useGpu bool

@description('Serverless GPU workload profile type.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfile string

@description('Name the GPU profile gets inside the environment; the app refers to it by this name.')
param gpuProfileName string = 'gpu'

var consumptionProfile = {
  name: 'Consumption'
  workloadProfileType: 'Consumption'
}

var gpuWorkloadProfile = {
  name: gpuProfileName
  workloadProfileType: gpuProfile
}

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    workloadProfiles: useGpu ? [consumptionProfile, gpuWorkloadProfile] : [consumptionProfile]
    // 'azure-monitor' routes logs through the diagnostic setting below, so the environment never
    // holds the workspace's shared key (the 'log-analytics' destination would need it).
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    zoneRedundant: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output id string = environment.id
output name string = environment.name
output defaultDomain string = environment.properties.defaultDomain
output appWorkloadProfileName string = useGpu ? gpuProfileName : consumptionProfile.name
