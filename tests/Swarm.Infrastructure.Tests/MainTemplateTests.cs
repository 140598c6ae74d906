using System.Text.Json;

namespace Swarm.Infrastructure.Tests;

public sealed class MainTemplateTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string WebPubSubServiceOwner = "12cf5a90-567b-43ae-8102-96cf46c7d9b4";
    private const string WebPubSubType = "Microsoft.SignalRService/webPubSub";

    [Fact]
    public void Main_template_compiles_without_errors_or_warnings()
    {
        Assert.True(fixture.Build.ExitCode == 0, fixture.Build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(fixture.Build.StandardError), fixture.Build.ToString());
        Assert.Equal(JsonValueKind.Object, fixture.Template.ValueKind);
        Assert.Contains("deploymentTemplate.json", fixture.Template.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_template_passes_the_linter_without_diagnostics()
    {
        var lint = BicepCli.Run(RepositoryRoot.Path, "lint", MainTemplateFixture.TemplatePath);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardError), lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardOutput), lint.ToString());
    }

    [Fact]
    public void Hosting_plan_is_flex_consumption_FC1()
    {
        var plan = fixture.SingleResource("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean(), "Flex Consumption runs on Linux (reserved: true).");
    }

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_the_flex_plan()
    {
        var site = fixture.SingleResource("Microsoft.Web/sites");
        var properties = site.GetProperty("properties");
        var config = properties.GetProperty("functionAppConfig");

        Assert.Contains("functionapp", site.GetProperty("kind").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/serverfarms", properties.GetProperty("serverFarmId").GetString(), StringComparison.Ordinal);
        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        Assert.Equal(2048, fixture.Resolve(config.GetProperty("scaleAndConcurrency").GetProperty("instanceMemoryMB")).GetInt32());
        Assert.Equal("[parameters('maximumInstanceCount')]", config.GetProperty("scaleAndConcurrency").GetProperty("maximumInstanceCount").GetString());
    }

    [Fact]
    public void Function_app_deploys_from_a_blob_container_read_with_its_managed_identity()
    {
        var site = fixture.SingleResource("Microsoft.Web/sites");
        var storage = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        var containers = fixture.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains(storage.GetProperty("authentication").GetProperty("type").GetString(), new[] { "UserAssignedIdentity", "SystemAssignedIdentity" });
        Assert.Single(containers);
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public void Storage_account_accepts_only_identity_access_over_TLS_1_2()
    {
        var properties = fixture.SingleResource("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Application_Insights_is_workspace_based_and_wired_to_the_app()
    {
        var component = fixture.SingleResource("Microsoft.Insights/components");
        var workspace = component.GetProperty("properties").GetProperty("WorkspaceResourceId").GetString();
        var connectionString = fixture.AppSettings()["APPLICATIONINSIGHTS_CONNECTION_STRING"].GetString();

        Assert.Single(fixture.Resources("Microsoft.OperationalInsights/workspaces"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", workspace, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components", connectionString, StringComparison.Ordinal);
        Assert.Contains("ConnectionString", connectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageBlobDataOwner)]
    [InlineData(StorageQueueDataContributor)]
    [InlineData(StorageTableDataContributor)]
    public void App_identity_holds_the_storage_data_role(string roleDefinitionGuid)
    {
        var assignments = fixture.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => fixture.ExpandVariables(a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!)
                .Contains(roleDefinitionGuid, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Contains("Microsoft.Storage/storageAccounts", assignment.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", assignment.GetProperty("properties").GetProperty("principalId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.GetProperty("properties").GetProperty("principalType").GetString());
    }

    [Fact]
    public void App_settings_include_every_key_the_app_reads()
    {
        string[] expected =
        [
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "database__type", "database__accountName", "system__environment",
            "security__jwt__secret", "HealthProbeSchedule", "SelfHealingSchedule", "DefaultAgentSchedule", "LearningSchedule", "AutoscalingSchedule", "TaskHubName",
            "realtime__endpoint", "realtime__hub", "realtime__upstreamAudience", "realtime__upstreamAuthority", "realtime__upstreamCallerIds__0",
            "realtime__accessKey", "realtime__secondaryAccessKey",
        ];
        var settings = fixture.AppSettings();

        Assert.All(expected, key => Assert.True(settings.ContainsKey(key), $"App setting {key} is missing."));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"].GetString());
        Assert.Equal("azureStorage", settings["database__type"].GetString());
        Assert.Equal("production", settings["system__environment"].GetString());
        Assert.Equal("0 */1 * * * *", settings["HealthProbeSchedule"].GetString());
        Assert.Equal("30 */5 * * * *", settings["SelfHealingSchedule"].GetString());
        Assert.Equal("0 0 * * * *", settings["DefaultAgentSchedule"].GetString());
        Assert.Equal("15 */15 * * * *", settings["LearningSchedule"].GetString());
        Assert.Equal("45 */1 * * * *", settings["AutoscalingSchedule"].GetString());
        Assert.Equal("[parameters('taskHubName')]", settings["TaskHubName"].GetString());
        var storageAccountName = fixture.SingleResource("Microsoft.Storage/storageAccounts").GetProperty("name").GetString();
        Assert.Equal(storageAccountName, settings["AzureWebJobsStorage__accountName"].GetString());
        Assert.Equal(storageAccountName, settings["database__accountName"].GetString());
    }

    [Fact]
    public void Jwt_secret_comes_from_the_secure_parameter_not_a_literal()
    {
        var secret = fixture.AppSettings()["security__jwt__secret"].GetString();
        var parameter = fixture.Template.GetProperty("parameters").GetProperty("jwtSecret");

        Assert.Equal("[parameters('jwtSecret')]", secret);
        Assert.Equal("securestring", parameter.GetProperty("type").GetString());
        Assert.Equal(32, parameter.GetProperty("minLength").GetInt32());
        Assert.False(parameter.TryGetProperty("defaultValue", out _), "A secret must not have a default value.");
    }

    [Theory]
    [InlineData("QWEN_API_KEY", "qwenApiKey")]
    [InlineData("OPENAI_API_KEY", "openAiApiKey")]
    [InlineData("CLAUDE_API_KEY", "claudeApiKey")]
    public void Provider_keys_come_from_secure_parameters_that_default_to_unconfigured(string setting, string parameterName)
    {
        var value = fixture.AppSettings()[setting].GetString();
        var parameter = fixture.Template.GetProperty("parameters").GetProperty(parameterName);

        Assert.Equal($"[parameters('{parameterName}')]", value);
        Assert.Equal("securestring", parameter.GetProperty("type").GetString());
        Assert.Equal("", parameter.GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void Cors_for_browser_clients_comes_from_a_parameter_that_allows_no_origin_by_default()
    {
        var cors = fixture.SingleResource("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("cors");
        var parameter = fixture.Template.GetProperty("parameters").GetProperty("corsAllowedOrigins");

        Assert.Equal("[parameters('corsAllowedOrigins')]", cors.GetProperty("allowedOrigins").GetString());
        Assert.False(cors.GetProperty("supportCredentials").GetBoolean());
        Assert.Equal("array", parameter.GetProperty("type").GetString());
        Assert.Equal(0, parameter.GetProperty("defaultValue").GetArrayLength());
    }

    [Fact]
    public void Key_vault_references_resolve_with_the_apps_own_identity()
    {
        var site = fixture.SingleResource("Microsoft.Web/sites");
        var assigned = site.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Single().Name;

        var reference = site.GetProperty("properties").GetProperty("keyVaultReferenceIdentity").GetString();

        // Both name the same identity resource: the site's key wraps the same resourceId(...) in format('{0}', ...).
        Assert.StartsWith("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'", reference, StringComparison.Ordinal);
        Assert.Contains(reference![1..^1], assigned, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_have_the_documented_defaults_and_outputs_name_the_app_and_storage()
    {
        var parameters = fixture.Template.GetProperty("parameters");
        var outputs = fixture.Template.GetProperty("outputs");

        Assert.Equal("[resourceGroup().location]", parameters.GetProperty("location").GetProperty("defaultValue").GetString());
        Assert.Equal("swarm", parameters.GetProperty("namePrefix").GetProperty("defaultValue").GetString());
        Assert.Equal(40, parameters.GetProperty("maximumInstanceCount").GetProperty("defaultValue").GetInt32());
        Assert.Equal("swarm", parameters.GetProperty("taskHubName").GetProperty("defaultValue").GetString());
        Assert.True(outputs.TryGetProperty("functionAppName", out _));
        Assert.True(outputs.TryGetProperty("defaultHostName", out _));
        Assert.True(outputs.TryGetProperty("storageAccountName", out _));
        Assert.DoesNotContain("jwtSecret", outputs.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Web_PubSub_accepts_only_Entra_ID_when_the_event_handler_has_an_audience_and_defaults_to_the_free_tier()
    {
        var webPubSub = fixture.SingleResource(WebPubSubType);
        var properties = webPubSub.GetProperty("properties");
        var sku = webPubSub.GetProperty("sku");
        var skuParameter = fixture.Template.GetProperty("parameters").GetProperty("webPubSubSku");

        // Keys off exactly when the event handler is given an Entra audience; without one they sign its requests.
        Assert.Equal("[variables('eventHandlerUsesEntra')]", properties.GetProperty("disableLocalAuth").GetString());
        Assert.Equal("[not(empty(parameters('eventHandlerAudience')))]", fixture.Template.GetProperty("variables").GetProperty("eventHandlerUsesEntra").GetString());
        Assert.False(properties.TryGetProperty("disableAadAuth", out var aad) && aad.GetBoolean(), "Entra ID sign-in must stay on.");
        Assert.Equal("Enabled", properties.GetProperty("publicNetworkAccess").GetString());
        Assert.Equal("[parameters('webPubSubSku')]", sku.GetProperty("name").GetString());
        Assert.Equal(1, sku.GetProperty("capacity").GetInt32());
        Assert.Equal("Free_F1", skuParameter.GetProperty("defaultValue").GetString());
        Assert.Equal(["Free_F1", "Standard_S1", "Premium_P1"], skuParameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[variables('tags')]", webPubSub.GetProperty("tags").GetString());
    }

    [Fact]
    public void App_identity_is_Web_PubSub_Service_Owner_on_the_real_time_service()
    {
        var webPubSubId = MainTemplateFixture.ResourceIdExpression(fixture.SingleResource(WebPubSubType));
        var identityId = MainTemplateFixture.ResourceIdExpression(fixture.SingleResource("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var site = fixture.SingleResource("Microsoft.Web/sites");
        var assignments = fixture.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => fixture.ExpandVariables(a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!)
                .Contains(WebPubSubServiceOwner, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        var properties = assignment.GetProperty("properties");
        var principalId = properties.GetProperty("principalId").GetString()!;
        Assert.Equal($"[{webPubSubId}]", assignment.GetProperty("scope").GetString());
        Assert.Equal(
            $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{WebPubSubServiceOwner}')]",
            fixture.ExpandVariables(properties.GetProperty("roleDefinitionId").GetString()!));
        // The principal is the identity the function app runs as (and that AZURE_CLIENT_ID points DefaultAzureCredential at).
        Assert.StartsWith($"[reference({identityId}, ", principalId, StringComparison.Ordinal);
        Assert.EndsWith(").principalId]", principalId, StringComparison.Ordinal);
        Assert.Contains(identityId, site.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Single().Name, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
        // The app waits for the role, so its first real-time calls are not refused.
        Assert.Contains(
            site.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!),
            d => d.StartsWith($"[extensionResourceId({webPubSubId}, 'Microsoft.Authorization/roleAssignments', ", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_time_settings_point_the_app_at_the_Web_PubSub_host_and_the_swarm_hub()
    {
        var webPubSub = fixture.SingleResource(WebPubSubType);
        var hostName = $"reference({MainTemplateFixture.ResourceIdExpression(webPubSub)}, '{webPubSub.GetProperty("apiVersion").GetString()}').hostName";
        var expectedEndpoint = $"[format('https://{{0}}', {hostName})]";
        var settings = fixture.AppSettings();

        Assert.Equal(expectedEndpoint, settings["realtime__endpoint"].GetString());
        Assert.Equal("swarm", fixture.Resolve(settings["realtime__hub"]).GetString());
        Assert.Equal(expectedEndpoint, fixture.Template.GetProperty("outputs").GetProperty("webPubSubEndpoint").GetProperty("value").GetString());
        // The service's keys reach the app only in key mode (no event-handler audience), and only the key settings.
        Assert.All(settings.Where(s => s.Key.StartsWith("realtime__", StringComparison.Ordinal) && s.Value.GetRawText().Contains("listKeys", StringComparison.OrdinalIgnoreCase)),
            s => Assert.StartsWith("[if(variables('eventHandlerUsesEntra'), '', listKeys(", s.Value.GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_hub_sends_every_client_event_and_the_connection_events_to_the_apps_event_handler()
    {
        var hub = fixture.SingleResource("Microsoft.SignalRService/webPubSub/hubs");
        var site = fixture.SingleResource("Microsoft.Web/sites");
        var properties = hub.GetProperty("properties");
        var handler = Assert.Single(properties.GetProperty("eventHandlers").EnumerateArray());
        var siteHost = $"reference({MainTemplateFixture.ResourceIdExpression(site)}, '{site.GetProperty("apiVersion").GetString()}').defaultHostName";

        // The hub is the one the app is told to use.
        Assert.EndsWith(", variables('realtimeHub'))]", hub.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("[variables('realtimeHub')]", fixture.AppSettings()["realtime__hub"].GetString());
        Assert.Equal($"[format('https://{{0}}/api/v1/realtime/events', {siteHost})]", handler.GetProperty("urlTemplate").GetString());
        Assert.Equal("*", handler.GetProperty("userEventPattern").GetString());
        Assert.Equal(["connect", "connected", "disconnected"], handler.GetProperty("systemEvents").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Deny", properties.GetProperty("anonymousConnectPolicy").GetString());
    }

    [Fact]
    public void The_event_handler_authenticates_with_the_services_identity_for_the_audience_or_else_relies_on_key_signatures()
    {
        var webPubSub = fixture.SingleResource(WebPubSubType);
        var handler = fixture.SingleResource("Microsoft.SignalRService/webPubSub/hubs").GetProperty("properties").GetProperty("eventHandlers")[0];
        var audience = fixture.Template.GetProperty("parameters").GetProperty("eventHandlerAudience");

        Assert.Equal(
            "[if(variables('eventHandlerUsesEntra'), createObject('type', 'ManagedIdentity', 'managedIdentity', createObject('resource', parameters('eventHandlerAudience'))), createObject('type', 'None'))]",
            handler.GetProperty("auth").GetString());
        // The token is for the service's own identity, which must exist; an app registration cannot be made here, so
        // the audience is the deployer's, and empty by default (key mode).
        Assert.Equal("SystemAssigned", webPubSub.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("string", audience.GetProperty("type").GetString());
        Assert.Equal("", audience.GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void The_app_checks_tokens_from_the_tenant_held_by_the_Web_PubSub_identity_or_signatures_with_both_keys()
    {
        var webPubSubId = MainTemplateFixture.ResourceIdExpression(fixture.SingleResource(WebPubSubType));
        var settings = fixture.AppSettings();

        Assert.Equal("[parameters('eventHandlerAudience')]", settings["realtime__upstreamAudience"].GetString());
        Assert.Equal("[if(variables('eventHandlerUsesEntra'), format('{0}{1}', environment().authentication.loginEndpoint, tenant().tenantId), '')]", settings["realtime__upstreamAuthority"].GetString());
        Assert.Equal($"[if(variables('eventHandlerUsesEntra'), reference({webPubSubId}, '2024-03-01', 'full').identity.principalId, '')]", settings["realtime__upstreamCallerIds__0"].GetString());
        Assert.Equal($"[if(variables('eventHandlerUsesEntra'), '', listKeys({webPubSubId}, '2024-03-01').primaryKey)]", settings["realtime__accessKey"].GetString());
        Assert.Equal($"[if(variables('eventHandlerUsesEntra'), '', listKeys({webPubSubId}, '2024-03-01').secondaryKey)]", settings["realtime__secondaryAccessKey"].GetString());
    }
}
