// GradingFunctions on Azure: one resource group with storage, identity and RBAC, monitoring,
// a container registry, and the Functions app on Azure Container Apps with a serverless GPU.
// Deployed by `azd up` (see azure.yaml); infra/README.md explains parameters, regions and costs.
targetScope = 'subscription'

// ---------- azd ----------

@description('azd environment name; names the resource group (rg-<name>) and seeds resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region for every resource. Serverless GPUs exist only in some regions (infra/README.md).')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional user/group/service principal that gets data access for local tools (azd sets AZURE_PRINCIPAL_ID).')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Set by azd (SERVICE_FUNCTIONS_RESOURCE_EXISTS): keeps the deployed image on re-provision.')
param functionsAppExists bool = false

// ---------- compute ----------

@description('Run the app on a serverless GPU workload profile. false runs it on Consumption (4 vCPU, 8 GiB), e.g. without GPU quota.')
param useGpu bool = true

@description('Serverless GPU profile: NVIDIA T4 (16 GB) or A100 (80 GB). Fixed once the environment exists.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfile string = 'Consumption-GPU-NC8as-T4'

@description('''Minimum replicas. 1 keeps the timer trigger (scheduled re-grading) and the polling blob
trigger alive; 0 scales a GPU to zero when idle, but then those two triggers only run while
HTTP or Durable queue traffic keeps a replica up.''')
@minValue(0)
@maxValue(1000)
param minReplicas int = 1

@description('Maximum replicas. Each GPU replica needs one GPU of quota in the region.')
@minValue(1)
@maxValue(1000)
param maxReplicas int = 3

@description('plain container app with KEDA rules for Durable queues (containerapp), or kind functionapp (no custom scale rules allowed).')
@allowed([
  'containerapp'
  'functionapp'
])
param appKind string = 'containerapp'

@description('Target Durable work-item queue length per replica.')
@minValue(1)
param workItemsPerReplica int = 4

@description('Registry SKU; Premium allows artifact streaming for faster GPU cold starts.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param registrySku string = 'Basic'

// ---------- app ----------

@description('Durable task hub name (Grading__TaskHub): letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'grading'

@description('Durable partition count (host.json storageProvider.partitionCount); one control queue each.')
@minValue(1)
@maxValue(16)
param taskHubPartitionCount int = 4

@description('Grading__Regrade__Cron: NCRONTAB with seconds, UTC. Default: every day at 02:00.')
param regradeCron string = '0 0 2 * * *'

@description('Grading__Grader: which IGrader the app uses.')
param grader string = 'encoder'

@description('''Where the model comes from: 'image' (baked into /models/grader at build time, MODEL_DIR
build arg) or 'fileShare' (Azure Files share "models" mounted read-only at /models).''')
@allowed([
  'image'
  'fileShare'
])
param modelSource string = 'image'

@description('Grading__Model__Path: model folder inside the container.')
param modelPath string = '/models/grader'

@description('Size of the model file share in GiB (modelSource = fileShare).')
@minValue(1)
param modelShareQuotaGiB int = 100

// ---------- names ----------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'functions'
// Names are computed here and passed down (not read back from module outputs) so that what-if
// can predict every resource id before deployment.
var storageAccountName = 'st${resourceToken}'
var registryName = 'cr${resourceToken}'
var identityName = 'id-func-${resourceToken}'
var containerAppsEnvironmentName = 'cae-${resourceToken}'
var functionsAppName = 'ca-func-${resourceToken}'

// Container sizes a serverless GPU replica gets (the whole profile); Consumption caps at 4 vCPU/8 GiB.
var gpuSizes = {
  'Consumption-GPU-NC8as-T4': {
    cpu: 8
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: 24
    memory: '220Gi'
  }
}
var appSize = useGpu
  ? gpuSizes[gpuProfile]
  : {
      cpu: 4
      memory: '8Gi'
    }

// Serves until azd deploys the real image (it listens on 80 like the Functions host).
var placeholderImage = 'mcr.microsoft.com/k8se/quickstart:latest'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: identityName
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: storageAccountName
    taskHubName: taskHubName
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: registryName
    sku: registrySku
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: resourceGroup
  params: {
    storageAccountName: storageAccountName
    registryName: registryName
    appIdentityName: identityName
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
  dependsOn: [
    storage
    registry
    identity
  ]
}

module environment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: containerAppsEnvironmentName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    useGpu: useGpu
    gpuProfile: gpuProfile
  }
}

module modelShare 'modules/model-share.bicep' = if (modelSource == 'fileShare') {
  name: 'model-share'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    storageAccountName: 'stm${resourceToken}'
    environmentName: containerAppsEnvironmentName
    shareQuotaGiB: modelShareQuotaGiB
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
  dependsOn: [
    environment
  ]
}

module existingFunctionsApp 'modules/fetch-container-image.bicep' = {
  name: 'fetch-functions-image'
  scope: resourceGroup
  params: {
    exists: functionsAppExists
    name: functionsAppName
  }
}

module functionsApp 'modules/functions-app.bicep' = {
  name: 'functions-app'
  scope: resourceGroup
  params: {
    location: location
    tags: union(tags, {
      'azd-service-name': serviceName
    })
    name: functionsAppName
    appKind: appKind
    environmentId: environment.outputs.id
    workloadProfileName: environment.outputs.appWorkloadProfileName
    cpu: appSize.cpu
    memory: appSize.memory
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    image: functionsAppExists ? existingFunctionsApp.outputs.containers[0].image : placeholderImage
    storageAccountName: storage.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    taskHubName: taskHubName
    taskHubPartitionCount: taskHubPartitionCount
    modelPath: modelPath
    regradeCron: regradeCron
    grader: grader
    modelStorageName: modelSource == 'fileShare' ? modelShare!.outputs.environmentStorageName : ''
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    workItemsPerReplica: workItemsPerReplica
  }
  // The first revision pulls from ACR and talks to storage as the identity: grant first.
  dependsOn: [
    roleAssignments
  ]
}

// ---------- outputs (azd stores them in .azure/<env>/.env) ----------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = environment.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output GRADING_TASK_HUB string = taskHubName
output GRADING_MODEL_SHARE_ACCOUNT_NAME string = modelSource == 'fileShare' ? modelShare!.outputs.storageAccountName : ''
output SERVICE_FUNCTIONS_NAME string = functionsApp.outputs.name
output SERVICE_FUNCTIONS_ENDPOINT_URL string = functionsApp.outputs.uri
