// The swarm's alerts and its workbook, on the Application Insights component the function app writes to.
//
// Every query reads telemetry that exists today: the swarm's log lines, which reach the component's `traces` table
// through the Functions host, matched by their fixed message templates (each a [LoggerMessage] with the event id named
// beside it; the text does not depend on how the line was shipped), and the Functions host's own `requests`.
// The dispatcher's line has no metric yet, so its alert reads the position that event 1102 logs for each waiting step.

@description('Azure region of the alert rules.')
param location string

@description('Prefix of resource names.')
param namePrefix string

@description('Suffix that makes names unique in the resource group.')
param resourceToken string

@description('Resource id of the Application Insights component the alerts query.')
param appInsightsId string

@description('Tags for every resource.')
param tags object

@description('Where alerts are e-mailed; empty: the alerts fire in the portal only, with no action group.')
param alertEmail string

@description('Failed tasks within 15 minutes that raise the task-failure alert.')
@minValue(1)
param failedTasksThreshold int

@description('Position in the dispatcher\'s line, reached by any waiting step within 15 minutes, that raises the line alert.')
@minValue(1)
param dispatcherLineThreshold int

@description('API answers with a 5xx status within 5 minutes that raise the server-error alert.')
@minValue(1)
param serverErrorsThreshold int

var notifies = !empty(alertEmail)

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (notifies) {
  name: '${namePrefix}-alerts-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('${namePrefix}alerts', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// One entry per alert: its query (a count of rows unless `measure` names a column), how it is judged, how bad it is.
var alerts = [
  {
    name: 'tasks-failing'
    title: 'Swarm: tasks failing'
    description: 'Tasks ended failed (event 1107, "Task {TaskId} failed: {FailureType}: {Reason}"), at least the threshold within 15 minutes.'
    severity: 2
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'traces | where message matches regex @"^Task \\S+ failed: "'
    measure: ''
    aggregation: 'Count'
    threshold: failedTasksThreshold
  }
  {
    name: 'breaker-open'
    title: 'Swarm: a provider breaker opened'
    description: 'A model route\'s circuit breaker opened after repeated failures (event 1251); its calls are refused until it closes.'
    severity: 1
    window: 'PT5M'
    frequency: 'PT5M'
    query: 'traces | where message has "breaker opened after repeated failures"'
    measure: ''
    aggregation: 'Count'
    threshold: 1
  }
  {
    name: 'stalled-tasks-reaped'
    title: 'Swarm: stalled tasks reaped'
    description: 'The self-healing pass terminated a task that had stalled and freed its agent slot (event 1523).'
    severity: 2
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'traces | where message matches regex @"^Self-healing: task \\S+ stalled since"'
    measure: ''
    aggregation: 'Count'
    threshold: 1
  }
  {
    name: 'dispatcher-line-growing'
    title: 'Swarm: the dispatcher\'s line is growing'
    description: 'A step waited for an agent at a position in line past the threshold (event 1102, "... waits for an agent: position {Position} in line"): work arrives faster than the pools take it.'
    severity: 2
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'traces | where message has "waits for an agent: position" | extend position = toint(extract(@"position (\\d+) in line", 1, message)) | where isnotnull(position)'
    measure: 'position'
    aggregation: 'Maximum'
    threshold: dispatcherLineThreshold
  }
  {
    name: 'api-server-errors'
    title: 'Swarm: API answering 5xx'
    description: 'The API answered with a 5xx status (a failing dependency, 503, or an unexpected failure, 500) at least the threshold within 5 minutes.'
    severity: 1
    window: 'PT5M'
    frequency: 'PT5M'
    query: 'requests | where toint(resultCode) >= 500'
    measure: ''
    aggregation: 'Count'
    threshold: serverErrorsThreshold
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: '${namePrefix}-${alert.name}-${resourceToken}'
    location: location
    tags: tags
    properties: {
      displayName: alert.title
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        appInsightsId
      ]
      evaluationFrequency: alert.frequency
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: alert.aggregation
            metricMeasureColumn: empty(alert.measure) ? null : alert.measure
            operator: 'GreaterThanOrEqual'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: notifies ? [actionGroup.id] : []
      }
    }
  }
]

// The swarm at a glance: tasks, model calls, breakers, self-healing, the dispatcher's line and the API, each a query
// over the same telemetry as the alerts (and the swarm.provider.* metrics the app exports to Azure Monitor).
var panels = [
  {
    title: 'Tasks failed (event 1107), by failure type'
    query: 'traces | where message matches regex @"^Task \\S+ failed: " | extend failure = extract(@"failed: ([^:]+):", 1, message) | summarize count() by failure, bin(timestamp, 15m) | render timechart'
  }
  {
    title: 'Model calls and failures per route (swarm.provider.calls, swarm.provider.failures)'
    query: 'customMetrics | where name in ("swarm.provider.calls", "swarm.provider.failures") | summarize sum(valueSum) by name, bin(timestamp, 15m) | render timechart'
  }
  {
    title: 'Model call spans (gen_ai): latency by model'
    query: 'dependencies | where name startswith "chat " | summarize calls = count(), p50 = percentile(duration, 50), p95 = percentile(duration, 95) by name'
  }
  {
    title: 'Breakers opened (event 1251)'
    query: 'traces | where message has "breaker opened after repeated failures" | project timestamp, message | order by timestamp desc'
  }
  {
    title: 'Stalled tasks reaped (event 1523)'
    query: 'traces | where message matches regex @"^Self-healing: task \\S+ stalled since" | summarize count() by bin(timestamp, 1h) | render columnchart'
  }
  {
    title: 'Dispatcher line: furthest position waited at (event 1102)'
    query: 'traces | where message has "waits for an agent: position" | extend position = toint(extract(@"position (\\d+) in line", 1, message)) | summarize max(position) by bin(timestamp, 5m) | render timechart'
  }
  {
    title: 'API requests by status'
    query: 'requests | summarize count() by resultCode, bin(timestamp, 15m) | render timechart'
  }
]

var workbookItems = [
  for (panel, i) in panels: {
    type: 3
    name: 'panel-${i}'
    content: {
      version: 'KqlItem/1.0'
      title: panel.title
      query: panel.query
      timeContext: {
        durationMs: 86400000
      }
      queryType: 0
      resourceType: 'microsoft.insights/components'
    }
  }
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, namePrefix, 'swarm-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Swarm'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string({
      version: 'Notebook/1.0'
      items: workbookItems
      '$schema': 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json'
    })
  }
}

@description('Names of the alert rules.')
output alertRuleNames array = [for (alert, i) in alerts: alertRules[i].name]

@description('Resource id of the swarm workbook.')
output workbookId string = workbook.id
