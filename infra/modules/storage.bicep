// The one storage account of the design (DESIGN.md, "Storage layout"): the app's containers, and
// the Functions host and Durable Task hub (queues, tables, lease and large-message blobs).
// Shared keys are off: every caller (the app, the host, KEDA, developers) uses Entra ID and RBAC.

@description('Azure region for the account.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Replication. LRS is enough for a grading workload that can be re-run; pick ZRS/GRS for stricter durability.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string = 'Standard_LRS'

@description('Durable Task hub name; its lease and large-message containers get a version clean-up rule.')
param taskHubName string

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

@description('Days to keep earlier blob versions in the host and task-hub containers, which are rewritten constantly.')
@minValue(1)
param runtimeVersionRetentionDays int = 1

// Containers the app reads and writes (DESIGN.md). Grades keep their earlier versions for audit,
// which is why versioning is on for the account.
var appContainers = [
  'submissions'
  'assignments'
  'grades'
  'reports'
]

// Containers the Functions host and the Durable Task Azure Storage provider rewrite all the time.
// With versioning on, every rewrite would leave a version behind; the lifecycle rule below
// removes those after a day so they do not pile up (grades/ and the other app containers are
// deliberately not matched, their versions are the audit trail).
var taskHub = toLower(taskHubName)
var runtimeContainerPrefixes = [
  'azure-webjobs-hosts/'
  'azure-webjobs-secrets/'
  '${taskHub}-leases/'
  '${taskHub}-applease/'
  '${taskHub}-largemessages/'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, RBAC-only. Put the environment in a VNet with private endpoints to close it.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in appContainers: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-runtime-blob-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: runtimeContainerPrefixes
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: runtimeVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output containerNames array = [for (containerName, i) in appContainers: containers[i].name]
