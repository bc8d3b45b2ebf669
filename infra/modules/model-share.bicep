// Azure Files share `models`, mounted read-only at /models in the Functions container
// (modelSource = 'fileShare'). Upload the model to models/grader/ in the share.
//
// Why a second storage account: Container Apps mounts Azure Files (SMB) with the account key only;
// there is no managed-identity mount. The main account keeps shared keys off, so the share lives
// in its own account that holds nothing but model files. The key is read with listKeys() inside
// this deployment and handed straight to the environment's storage definition: it is never an
// output, an app setting or a file in the repository.

@description('Azure region (same as the environment).')
param location string

@description('Tags applied to the account.')
param tags object

@description('Storage account name for the model share: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Container Apps environment that mounts the share.')
param environmentName string

@description('Name of the storage definition inside the environment; the app\'s volume refers to it.')
param environmentStorageName string = 'models'

@description('Share size in GiB.')
@minValue(1)
@maxValue(102400)
param shareQuotaGiB int = 100

@description('Premium_LRS (FileStorage) loads large models faster; Standard_LRS costs less.')
@allowed([
  'Standard_LRS'
  'Premium_LRS'
])
param skuName string = 'Standard_LRS'

@description('Optional principal id to let upload model files with Entra ID (az storage file ... --auth-mode login).')
param developerPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param developerPrincipalType string = 'User'

var shareName = 'models'
var isPremium = startsWith(skuName, 'Premium')
// Storage File Data Privileged Contributor: read/write files over REST with an Entra ID token.
var fileDataPrivilegedContributor = '69566ab7-960f-475b-8e7c-b3118f30c6bd'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: isPremium ? 'FileStorage' : 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // Required: the Container Apps SMB mount authenticates with the account key (see above).
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    largeFileSharesState: isPremium ? null : 'Enabled'
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: shareQuotaGiB
    enabledProtocols: 'SMB'
  }
}

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' existing = {
  name: environmentName
}

resource environmentStorage 'Microsoft.App/managedEnvironments/storages@2025-07-01' = {
  parent: environment
  name: environmentStorageName
  properties: {
    azureFile: {
      accountName: account.name
      accountKey: account.listKeys().keys[0].value
      shareName: share.name
      // The app only reads the model; a read-only mount keeps a bug from corrupting it.
      accessMode: 'ReadOnly'
    }
  }
}

resource developerFileAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(account.id, developerPrincipalId, fileDataPrivilegedContributor)
  scope: account
  properties: {
    principalId: developerPrincipalId
    principalType: developerPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', fileDataPrivilegedContributor)
  }
}

output storageAccountName string = account.name
output shareName string = share.name
output environmentStorageName string = environmentStorage.name
