// Swarm on Azure Functions Flex Consumption (scale to zero).
//
// Deploys, into the target resource group:
//   - a user-assigned managed identity for the function app;
//   - a storage account reached only with Entra ID (no shared keys), holding the deployment
//     package container and, at run time, the Durable Functions task hub (blobs, queues, tables)
//     and the app's own tables;
//   - data-plane role assignments for that identity on the storage account;
//   - a Web PubSub service for the swarm's real-time channel, reached only with Entra ID (no access keys)
//     when an event-handler audience is given, and the identity's Web PubSub Service Owner role on it;
//   - the swarm hub, whose event handler is the app's POST /api/v1/realtime/events (clients' frames and
//     connect/connected/disconnected), called with the service's Entra token for that audience, or, without one,
//     signed with the service's access key, which the app is then given;
//   - a Log Analytics workspace and a workspace-based Application Insights component;
//   - the swarm's alerts (tasks failing, a breaker open, stalled tasks reaped, the dispatcher's line growing, 5xx on the
//     API), e-mailed when alertEmail is given, and a workbook for the swarm (monitoring.bicep);
//   - a Flex Consumption (FC1) plan and the function app (dotnet-isolated 10.0).
//
// Deploy with:
//   az deployment group create -g <rg> -f infra/bicep/main.bicep -p jwtSecret=<32+ characters> \
//     [-p eventHandlerAudience=<application ID URI of an Entra app registration for the event handler>]
// then publish the code, e.g. `func azure functionapp publish <functionAppName>`.

targetScope = 'resourceGroup'

@description('Azure region for every resource. The region must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Prefix of resource names: lowercase letters and digits, starting with a letter (it also starts the storage account name, so no hyphens).')
@minLength(3)
@maxLength(11)
param namePrefix string = 'swarm'

@description('HS256 signing key for bearer tokens (security:jwt:secret), at least 32 characters.')
@secure()
@minLength(32)
param jwtSecret string

@description('Model provider keys (QWEN_API_KEY, OPENAI_API_KEY, CLAUDE_API_KEY); empty leaves that provider unconfigured. Pass Key Vault references (@Microsoft.KeyVault(SecretUri=...)) rather than the keys themselves where you can.')
@secure()
param qwenApiKey string = ''

@secure()
param openAiApiKey string = ''

@secure()
param claudeApiKey string = ''

@description('Upper bound on instances the Flex Consumption plan scales out to (the platform accepts up to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Durable Functions task hub name (host.json reads it as %TaskHubName%): letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'swarm'

@description('Web PubSub pricing tier for the real-time channel: Free_F1 (20 connections, no SLA) for trials, Standard_S1 or Premium_P1 for production.')
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param webPubSubSku string = 'Free_F1'

@description('Audience of the Entra token Web PubSub sends the app\'s event handler: the application ID URI (or client id) of an Entra app registration you create for it, e.g. api://swarm-events. Empty: the service keeps its access keys and signs each request with them instead, and the app is given the keys to check the signatures.')
param eventHandlerAudience string = ''

@description('Origins of browser pages on other sites that may call the API (e.g. https://ops.example.com): the platform\'s CORS, the Functions counterpart of the local host\'s api:cors:allowedOrigins. Empty: none. The dashboard at /dashboard/ is served by the app itself and needs none.')
param corsAllowedOrigins array = []

@description('E-mail address the alerts go to; empty: they fire in the portal only.')
param alertEmail string = ''

@description('Failed tasks within 15 minutes that raise the task-failure alert.')
@minValue(1)
param failedTasksAlertThreshold int = 5

@description('Position in the dispatcher\'s line, reached by a waiting step within 15 minutes, that raises the line alert.')
@minValue(1)
param dispatcherLineAlertThreshold int = 25

@description('API answers with a 5xx status within 5 minutes that raise the server-error alert.')
@minValue(1)
param serverErrorsAlertThreshold int = 5

var resourceToken = toLower(uniqueString(resourceGroup().id, namePrefix))
var storageAccountName = take(toLower('${namePrefix}${resourceToken}'), 24)
var functionAppName = '${namePrefix}-func-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var instanceMemoryMB = 2048

// The hub the app uses (realtime__hub) and whose event handler is configured below: one name for both.
var realtimeHub = 'swarm'

// Entra tokens on the event handler when an audience is given; otherwise the access keys' signatures.
var eventHandlerUsesEntra = !empty(eventHandlerAudience)

// Built-in role definition IDs (the same in every tenant).
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var webPubSubServiceOwnerRoleId = '12cf5a90-567b-43ae-8102-96cf46c7d9b4'

var tags = {
  application: 'swarm'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${namePrefix}-id-${resourceToken}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

// Durable Functions on Azure Storage uses blobs (leases, large payloads), queues (control and
// work-item queues) and tables (history and instances); the app's own tables need table access too.
// The deployment package container is read with the blob role.
resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, storageBlobDataOwnerRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwnerRoleId)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, storageQueueDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributorRoleId)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The swarm's real-time channel. The app signs in with its identity (DefaultAzureCredential). With an event-handler
// audience, access keys are switched off: nothing can hold a connection string that bypasses Entra ID, and the
// service proves itself to the event handler with a token for its own (system-assigned) identity. Without one, the
// keys stay on, because they are then what the service signs its event-handler requests with. The service itself
// accepts TLS 1.2 or later only; it has no minimum TLS setting.
resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: '${namePrefix}-wps-${resourceToken}'
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  sku: {
    name: webPubSubSku
    // One unit: the Free tier allows no more, and one paid unit carries 1,000 concurrent connections.
    capacity: 1
  }
  properties: {
    disableLocalAuth: eventHandlerUsesEntra
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: {
      clientCertEnabled: false
    }
  }
}

// Service Owner covers what the app does on the data plane: sending to the hub's groups and connections and
// minting client access tokens (which, with access keys off, the service signs on the app's behalf).
resource webPubSubServiceOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(webPubSub.id, appIdentity.id, webPubSubServiceOwnerRoleId)
  scope: webPubSub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', webPubSubServiceOwnerRoleId)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${namePrefix}-log-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

module monitoring 'monitoring.bicep' = {
  name: 'swarm-monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    resourceToken: resourceToken
    appInsightsId: appInsights.id
    tags: tags
    alertEmail: alertEmail
    failedTasksThreshold: failedTasksAlertThreshold
    dispatcherLineThreshold: dispatcherLineAlertThreshold
    serverErrorsThreshold: serverErrorsAlertThreshold
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${namePrefix}-plan-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings (provider keys) resolve with the app's user-assigned identity, which needs
    // the Key Vault Secrets User role on the vault; without this they would stay unresolved literal text.
    keyVaultReferenceIdentity: appIdentity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Cross-origin browser access is the platform's (it answers preflights before the app); no credentials mode, since
      // the API takes tokens in the Authorization header, never cookies.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      appSettings: [
        // Host storage (Durable Functions task hub included) through the user-assigned identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: appIdentity.properties.clientId
        }
        // DefaultAzureCredential in the app's own storage clients picks the user-assigned identity from this.
        {
          name: 'AZURE_CLIENT_ID'
          value: appIdentity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'database__type'
          value: 'azureStorage'
        }
        {
          name: 'database__accountName'
          value: storage.name
        }
        {
          name: 'system__environment'
          value: 'production'
        }
        {
          name: 'security__jwt__secret'
          value: jwtSecret
        }
        {
          name: 'QWEN_API_KEY'
          value: qwenApiKey
        }
        {
          name: 'OPENAI_API_KEY'
          value: openAiApiKey
        }
        {
          name: 'CLAUDE_API_KEY'
          value: claudeApiKey
        }
        {
          name: 'HealthProbeSchedule'
          value: '0 */1 * * * *'
        }
        {
          name: 'SelfHealingSchedule'
          value: '30 */5 * * * *'
        }
        {
          name: 'DefaultAgentSchedule'
          value: '0 0 * * * *'
        }
        {
          name: 'LearningSchedule'
          value: '15 */15 * * * *'
        }
        {
          name: 'AutoscalingSchedule'
          value: '45 */1 * * * *'
        }
        {
          name: 'TaskHubName'
          value: taskHubName
        }
        // Real-time channel, reached with the same identity as storage (AZURE_CLIENT_ID above).
        {
          name: 'realtime__endpoint'
          value: 'https://${webPubSub.properties.hostName}'
        }
        {
          name: 'realtime__hub'
          value: realtimeHub
        }
        // How the event handler trusts the service's requests. With Entra: tokens from this tenant's authority, for
        // the audience, held by the Web PubSub resource's own identity; the key settings stay empty. Without: both
        // access keys, so either one can be regenerated while the app still checks the other; the Entra ones stay
        // empty. With the keys set the app also signs its own calls to the service with the primary key.
        {
          name: 'realtime__upstreamAudience'
          value: eventHandlerAudience
        }
        {
          name: 'realtime__upstreamAuthority'
          value: eventHandlerUsesEntra ? '${environment().authentication.loginEndpoint}${tenant().tenantId}' : ''
        }
        {
          name: 'realtime__upstreamCallerIds__0'
          value: eventHandlerUsesEntra ? webPubSub.identity.principalId : ''
        }
        {
          name: 'realtime__accessKey'
          value: eventHandlerUsesEntra ? '' : webPubSub.listKeys().primaryKey
        }
        {
          name: 'realtime__secondaryAccessKey'
          value: eventHandlerUsesEntra ? '' : webPubSub.listKeys().secondaryKey
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: appIdentity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  // The host reaches storage as soon as it starts, so the identity's data roles come first; the Web PubSub role
  // too, so the first real-time calls are not refused.
  dependsOn: [
    storage::blobService::deploymentContainer
    storageBlobDataOwner
    storageQueueDataContributor
    storageTableDataContributor
    webPubSubServiceOwner
  ]
}

// The hub's settings: clients may not connect without a token the app negotiated for them, and every client frame
// and connection event goes to the app's event handler, authenticated as chosen above.
resource realtimeHubSettings 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: realtimeHub
  properties: {
    anonymousConnectPolicy: 'Deny'
    eventHandlers: [
      {
        urlTemplate: 'https://${functionApp.properties.defaultHostName}/api/v1/realtime/events'
        userEventPattern: '*'
        systemEvents: [
          'connect'
          'connected'
          'disconnected'
        ]
        auth: eventHandlerUsesEntra
          ? {
              type: 'ManagedIdentity'
              managedIdentity: {
                resource: eventHandlerAudience
              }
            }
          : {
              type: 'None'
            }
      }
    ]
  }
}

@description('Name of the function app (the target of `func azure functionapp publish`).')
output functionAppName string = functionApp.name

@description('Default host name of the function app.')
output defaultHostName string = functionApp.properties.defaultHostName

@description('Name of the storage account holding the task hub, the app tables and the deployment package.')
output storageAccountName string = storage.name

@description('Endpoint of the Web PubSub service for the real-time channel (the realtime__endpoint app setting).')
output webPubSubEndpoint string = 'https://${webPubSub.properties.hostName}'
