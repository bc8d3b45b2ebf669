// The Functions app as a container app running the Functions host image built from
// src/Grading.Functions/Dockerfile(.cuda).
//
// appKind:
//  - 'containerapp' (default): a plain container app with our own KEDA rules. This is the one that
//    scales Durable Functions on the Azure Storage backend: it scales on the task hub's work-item
//    queue (activities, the GPU work) and wakes on its control queues (orchestrations).
//  - 'functionapp': "Azure Functions on Container Apps" (kind functionapp). The platform derives
//    scale rules from the triggers and rejects custom ones (error FunctionAppCannotSetScaleRules),
//    and as documented it autoscales Durable Functions only on the MSSQL and Durable Task Scheduler
//    backends, not Azure Storage. With this kind, keep minReplicas >= 1 and expect no scale-out
//    from Durable work.

@description('Azure region.')
param location string

@description('Tags; must include azd-service-name so azd finds the app to deploy to.')
param tags object

@description('Container app name.')
param name string

@allowed([
  'containerapp'
  'functionapp'
])
param appKind string = 'containerapp'

@description('Container Apps environment id.')
param environmentId string

@description('Workload profile the app runs on (the GPU profile, or Consumption).')
param workloadProfileName string

@description('vCPUs for the container. A serverless GPU replica gets the whole GPU profile (T4: 8, A100: 24).')
param cpu int

@description('Memory for the container, e.g. 56Gi (T4) or 220Gi (A100).')
param memory string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('ACR login server the image is pulled from with the identity.')
param registryLoginServer string

@description('Image to run. azd replaces it on deploy; the placeholder serves until then.')
param image string

@description('Storage account for the host, Durable Functions and the app.')
param storageAccountName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Durable task hub name (Grading__TaskHub). host.json must use it as durableTask.hubName.')
param taskHubName string

@description('Durable Azure Storage partition count (host.json durableTask.storageProvider.partitionCount, default 4): one control queue each.')
@minValue(1)
@maxValue(16)
param taskHubPartitionCount int = 4

@description('Grading__Model__Path')
param modelPath string

@description('Grading__Regrade__Cron: NCRONTAB with seconds, in UTC.')
param regradeCron string

@description('Grading__Grader')
param grader string

@description('Environment storage name of the model share to mount at /models; empty when the model is baked into the image.')
param modelStorageName string = ''

@minValue(0)
@maxValue(1000)
param minReplicas int

@minValue(1)
@maxValue(1000)
param maxReplicas int

@description('Target work-item queue messages per replica. One message is one activity (a chunk of answers for the grader).')
@minValue(1)
param workItemsPerReplica int = 4

@description('Target concurrent HTTP requests per replica.')
@minValue(1)
param httpConcurrentRequests int = 20

@description('Expose the HTTP API outside the environment.')
param externalIngress bool = true

var taskHub = toLower(taskHubName)

// App settings. The names are the contract with Grading.Functions; do not rename one here alone.
// There are no secrets: storage uses the managed identity, and the Application Insights
// connection string only identifies where to send telemetry.
var appSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  // DefaultAzureCredential in the worker picks the user-assigned identity from this.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'Grading__Storage__AccountName', value: storageAccountName }
  { name: 'Grading__TaskHub', value: taskHubName }
  { name: 'Grading__Model__Path', value: modelPath }
  { name: 'Grading__Regrade__Cron', value: regradeCron }
  { name: 'Grading__Grader', value: grader }
]

// KEDA azure-queue rules read queue lengths with the app identity (Queue Data Contributor).
var httpRule = {
  name: 'http'
  http: {
    metadata: {
      concurrentRequests: string(httpConcurrentRequests)
    }
  }
}

// Activities (the grader calls) land here; this is what should add GPU replicas.
var workItemRule = {
  name: 'durable-workitems'
  azureQueue: {
    accountName: storageAccountName
    queueName: '${taskHub}-workitems'
    queueLength: workItemsPerReplica
    identity: identityId
  }
}

// Orchestration messages land on the control queues. A replica can own every partition, so these
// rules only wake the app from zero (a high target keeps them from adding replicas themselves).
var controlQueueRules = [
  for partition in range(0, taskHubPartitionCount): {
    name: 'durable-control-${padLeft(string(partition), 2, '0')}'
    azureQueue: {
      accountName: storageAccountName
      queueName: '${taskHub}-control-${padLeft(string(partition), 2, '0')}'
      queueLength: 1000
      identity: identityId
    }
  }
]

var mountModelShare = !empty(modelStorageName)

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: tags
  kind: appKind == 'functionapp' ? 'functionapp' : null
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      // One active revision: the Functions host and the task hub assume a single app version per
      // storage account (concurrent revisions would compete for the same queues and leases).
      activeRevisionsMode: 'Single'
      ingress: {
        external: externalIngress
        // The Functions host listens on 80 (ASPNETCORE_URLS in the base image).
        targetPort: 80
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'functions'
          image: image
          env: appSettings
          resources: {
            cpu: cpu
            memory: memory
          }
          volumeMounts: mountModelShare
            ? [
                {
                  volumeName: 'models'
                  mountPath: '/models'
                }
              ]
            : []
        }
      ]
      volumes: mountModelShare
        ? [
            {
              name: 'models'
              storageType: 'AzureFile'
              storageName: modelStorageName
            }
          ]
        : []
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: appKind == 'functionapp' ? null : concat([httpRule, workItemRule], controlQueueRules)
      }
    }
  }
}

output id string = app.id
output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
output uri string = 'https://${app.properties.configuration.ingress.fqdn}'
