using System.Text.Json;
using System.Text.RegularExpressions;

namespace Swarm.Infrastructure.Tests;

/// <summary>
/// The alerts and the workbook (infra/bicep/monitoring.bicep, a module of the main template): compiled and linted like
/// the rest, on the app's Application Insights component, and each log-based alert matching the log line it watches, as
/// the code writes it today.
/// </summary>
public sealed partial class MonitoringTemplateTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    const string ModuleTemplatePath = "infra/bicep/monitoring.bicep";

    /// <summary>The log-based alerts, each with the event it watches: its id and the file whose [LoggerMessage] writes it.</summary>
    public static TheoryData<string, int, string> LogAlerts => new()
    {
        { "tasks-failing", 1107, "src/Swarm.Workflows/Logs.cs" },
        { "breaker-open", 1251, "src/Swarm.Providers/Resilience/ProviderPipelines.cs" },
        { "stalled-tasks-reaped", 1523, "src/Swarm.Application/Schedules/StalledTaskReaper.cs" },
        { "dispatcher-line-growing", 1102, "src/Swarm.Workflows/Logs.cs" },
    };

    [Fact]
    public void Monitoring_template_passes_the_linter_without_diagnostics()
    {
        var lint = BicepCli.Run(RepositoryRoot.Path, "lint", ModuleTemplatePath);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardError), lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardOutput), lint.ToString());
    }

    [Fact]
    public void The_five_alerts_query_the_apps_Application_Insights_component()
    {
        var (module, template) = Monitoring();
        var rules = Resource(template, "Microsoft.Insights/scheduledQueryRules");
        var scope = Assert.Single(rules.GetProperty("properties").GetProperty("scopes").EnumerateArray()).GetString();

        Assert.Equal(
            ["tasks-failing", "breaker-open", "stalled-tasks-reaped", "dispatcher-line-growing", "api-server-errors"],
            Alerts(template).Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("[length(variables('alerts'))]", rules.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[parameters('appInsightsId')]", scope);
        var appInsights = fixture.SingleResource("Microsoft.Insights/components");
        Assert.Contains(MainTemplateFixture.ResourceIdExpression(appInsights), module.GetProperty("properties").GetProperty("parameters").GetProperty("appInsightsId").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("requests | where toint(resultCode) >= 500", Alert(template, "api-server-errors").GetProperty("query").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_are_mailed_only_when_an_address_is_given_and_thresholds_have_defaults()
    {
        var (_, template) = Monitoring();
        var actionGroup = Resource(template, "Microsoft.Insights/actionGroups");
        var parameters = fixture.Template.GetProperty("parameters");

        Assert.Equal("[variables('notifies')]", actionGroup.GetProperty("condition").GetString());
        Assert.Equal("", parameters.GetProperty("alertEmail").GetProperty("defaultValue").GetString());
        Assert.Equal(5, parameters.GetProperty("failedTasksAlertThreshold").GetProperty("defaultValue").GetInt32());
        Assert.Equal(25, parameters.GetProperty("dispatcherLineAlertThreshold").GetProperty("defaultValue").GetInt32());
        Assert.Equal(5, parameters.GetProperty("serverErrorsAlertThreshold").GetProperty("defaultValue").GetInt32());
    }

    [Theory]
    [MemberData(nameof(LogAlerts))]
    public void A_log_alert_matches_the_line_its_event_writes(string alertName, int eventId, string sourceFile)
    {
        var (_, template) = Monitoring();
        var query = Alert(template, alertName).GetProperty("query").GetString()!;
        var line = Rendered(Template(sourceFile, eventId));

        if (KqlRegex().Match(query) is { Success: true } regex)
        {
            Assert.Matches(regex.Groups["pattern"].Value, line);
        }
        else
        {
            var phrase = KqlHas().Match(query);
            Assert.True(phrase.Success, $"The {alertName} query neither matches a regex nor looks for a phrase: {query}");
            Assert.Contains(phrase.Groups["phrase"].Value, line, StringComparison.Ordinal);
        }

        // A measure taken from the line (the dispatcher's position) is extracted from it too.
        if (KqlExtract().Match(query) is { Success: true } extract)
        {
            Assert.Equal("7", Regex.Match(line, extract.Groups["pattern"].Value).Groups[1].Value);
        }
    }

    [Fact]
    public void The_workbook_shows_the_swarm_from_the_same_component()
    {
        var (_, template) = Monitoring();
        var workbook = Resource(template, "Microsoft.Insights/workbooks");
        var panels = template.GetProperty("variables").GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal("[parameters('appInsightsId')]", workbook.GetProperty("properties").GetProperty("sourceId").GetString());
        Assert.Equal("shared", workbook.GetProperty("kind").GetString());
        Assert.Equal(7, panels.Count);
        Assert.Contains(panels, p => p.GetProperty("query").GetString()!.Contains("gen_ai", StringComparison.Ordinal) || p.GetProperty("title").GetString()!.Contains("gen_ai", StringComparison.Ordinal));
    }

    (JsonElement Module, JsonElement Template) Monitoring()
    {
        var module = fixture.Resources("Microsoft.Resources/deployments").Single(d => d.GetProperty("name").GetString() == "swarm-monitoring");
        return (module, module.GetProperty("properties").GetProperty("template"));
    }

    static JsonElement Resource(JsonElement template, string type) =>
        Assert.Single(template.GetProperty("resources").EnumerateArray(), r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    static List<JsonElement> Alerts(JsonElement template) => [.. template.GetProperty("variables").GetProperty("alerts").EnumerateArray()];

    static JsonElement Alert(JsonElement template, string name) => Alerts(template).Single(a => a.GetProperty("name").GetString() == name);

    /// <summary>The message template of the [LoggerMessage] with <paramref name="eventId"/> in <paramref name="sourceFile"/>.</summary>
    static string Template(string sourceFile, int eventId)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, sourceFile));
        var found = Regex.Match(source, $@"EventId = {eventId},[^\]]*?Message = ""(?<message>(?:[^""\\]|\\.)*)""");
        Assert.True(found.Success, $"No [LoggerMessage] with event id {eventId} in {sourceFile}.");
        return found.Groups["message"].Value;
    }

    /// <summary>The line as logged, every placeholder (<c>{TaskId}</c>, <c>{LastUpdatedAt:u}</c>) written as 7.</summary>
    static string Rendered(string template) => Placeholder().Replace(template, "7");

    [GeneratedRegex(@"\{[A-Za-z]+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"matches regex @""(?<pattern>[^""]*)""")]
    private static partial Regex KqlRegex();

    [GeneratedRegex(@"message has ""(?<phrase>[^""]*)""")]
    private static partial Regex KqlHas();

    [GeneratedRegex(@"extract\(@""(?<pattern>[^""]*)""")]
    private static partial Regex KqlExtract();
}
