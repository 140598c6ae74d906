using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Api;
using Swarm.Api.Dashboard;
using Swarm.Application.Schedules;
using Swarm.McpServer;
using Swarm.Workflows;

namespace Swarm.Functions.Tests;

/// <summary>
/// The Functions app exposes exactly what the shared catalogs say it must, with the right triggers. The app cannot
/// run on the build machines (no Functions host), so this is how it is held to the code the local host runs.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Every_api_route_is_an_anonymous_http_function_with_its_route_and_method()
    {
        foreach (var route in SwarmRoutes.All)
        {
            Assert.True(FunctionsMetadata.Functions.ContainsKey(route.Name), $"No function '{route.Name}' for {route.Method} /{route.Template}.");
            var trigger = FunctionsMetadata.Trigger(route.Name);
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal(route.Template, trigger.GetProperty("route").GetString());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));

            // Function keys are not used: every request is checked by the shared dispatcher against the route's permission.
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void Every_orchestrator_activity_and_entity_of_the_catalog_has_its_trigger_wrapper()
    {
        var expected = WorkflowCatalog.Orchestrators.Select(t => (t.Name, "orchestrationTrigger"))
            .Concat(WorkflowCatalog.Activities.Select(t => (t.Name, "activityTrigger")))
            .Concat(WorkflowCatalog.Entities.Keys.Select(name => (name, "entityTrigger")));

        foreach (var (name, trigger) in expected)
        {
            Assert.True(FunctionsMetadata.Functions.ContainsKey(name), $"No function '{name}': its {trigger} wrapper is missing.");
            Assert.Equal(trigger, FunctionsMetadata.Trigger(name).GetProperty("type").GetString());
        }
    }

    [Fact]
    public void Every_periodic_job_is_a_timer_function_reading_its_schedule_setting()
    {
        using var services = FunctionsAppServicesTests.BuildServices();
        var jobs = services.GetServices<IPeriodicJob>().ToList();

        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            var trigger = FunctionsMetadata.Trigger(job.Name);
            Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal($"%{job.ScheduleSetting}%", trigger.GetProperty("schedule").GetString());
            // A job that runs when the local host starts runs when the Functions host starts too.
            Assert.True(job.RunsAtStartup == (trigger.TryGetProperty("runOnStartup", out var atStartup) && atStartup.GetBoolean()), $"{job.Name}: runOnStartup should be {job.RunsAtStartup}");
        }
    }

    [Fact]
    public void The_app_declares_no_function_the_catalogs_do_not_know()
    {
        using var services = FunctionsAppServicesTests.BuildServices();
        var known = SwarmRoutes.All.Select(r => r.Name)
            .Concat(WorkflowCatalog.Orchestrators.Select(t => t.Name))
            .Concat(WorkflowCatalog.Activities.Select(t => t.Name))
            .Concat(WorkflowCatalog.Entities.Keys)
            .Concat(services.GetServices<IPeriodicJob>().Select(j => j.Name))
            .Append(UnmatchedRequests.FunctionName)
            .Append(DashboardFiles.FunctionName)
            .Append(McpRoutes.FunctionName)
            .ToHashSet();

        Assert.DoesNotContain(FunctionsMetadata.Functions.Keys, name => !known.Contains(name));
    }

    [Fact]
    public void The_mcp_endpoint_is_an_anonymous_http_function_on_the_local_hosts_path_and_methods()
    {
        var trigger = FunctionsMetadata.Trigger(McpRoutes.FunctionName);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(McpRoutes.Endpoint.Template, trigger.GetProperty("route").GetString());
        // POST is dispatched; GET and DELETE get the stateless server's 405 rather than the catch-all's 404.
        Assert.Equal(["post", "get", "delete"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Requests_no_route_takes_reach_a_catch_all_function_rather_than_the_hosts_bare_404()
    {
        var trigger = FunctionsMetadata.Trigger(UnmatchedRequests.FunctionName);

        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "post", "put", "patch", "delete"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void The_dashboards_files_are_one_anonymous_get_function_under_dashboard()
    {
        var trigger = FunctionsMetadata.Trigger(DashboardFiles.FunctionName);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("dashboard/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Host_json_serves_routes_without_a_prefix_on_the_configured_task_hub()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.OutputFolder, "host.json")));
        var extensions = hostJson.RootElement.GetProperty("extensions");

        // The same paths as the local host: /health, /ready, /api/v1/...
        Assert.Equal(string.Empty, extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("%TaskHubName%", extensions.GetProperty("durableTask").GetProperty("hubName").GetString());
    }

    [Fact]
    public void Host_json_versions_the_workflows_as_the_local_host_does()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.OutputFolder, "host.json")));
        var durable = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask");

        // New orchestrations carry this build's version; a worker runs its own and older ones and leaves newer ones queued.
        Assert.Equal(Swarm.Workflows.WorkflowVersion.Current, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }
}
