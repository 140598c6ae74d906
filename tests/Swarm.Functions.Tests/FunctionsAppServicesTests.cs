using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Api;
using Swarm.Application.Configuration;
using Swarm.Application.Schedules;
using Swarm.Functions.Http;
using Swarm.Functions.Timers;
using Swarm.Tests;
using Swarm.Workflows.Agents;

namespace Swarm.Functions.Tests;

/// <summary>The Functions app's container, built from local.settings.sample.json as <c>func start</c> would see it.</summary>
public sealed class FunctionsAppServicesTests
{
    /// <summary>The sample's Values, as environment variables become configuration (<c>a__b</c> is <c>a:b</c>).</summary>
    static Dictionary<string, string?> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }

    internal static ServiceProvider BuildServices(Dictionary<string, string?>? values = null)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values ?? SampleValues());
        var services = new ServiceCollection().AddLogging();
        FunctionsAppServices.Configure(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Every_function_class_and_handler_resolves_from_the_apps_container()
    {
        using var services = BuildServices();

        Assert.NotNull(ActivatorUtilities.CreateInstance<HttpFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<TimerFunctions>(services));
        Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance<InvokeAgentActivity>(services));
        Assert.All(SwarmRoutes.All, route => Assert.IsAssignableFrom<IApiHandler>(services.GetRequiredService(route.Handler)));
        Assert.NotEmpty(services.GetServices<IPeriodicJob>());
    }

    [Fact]
    public void With_the_app_settings_the_bicep_template_sets_for_an_entra_event_handler_the_real_time_channel_is_web_pubsub_on_the_managed_identity()
    {
        var values = SampleValues();
        values["realtime:endpoint"] = "https://swarm-wps.webpubsub.azure.com";
        values["realtime:hub"] = "swarm";
        // With an event-handler audience the template turns keys off and leaves the key settings empty.
        values["realtime:accessKey"] = "";
        values["realtime:secondaryAccessKey"] = "";
        values["realtime:upstreamAudience"] = "api://swarm-events";
        values["realtime:upstreamAuthority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001";
        values["realtime:upstreamCallerIds:0"] = "6f1d7c1e-2a8b-4c55-9a0e-3f1b2c4d5e6f";
        using var services = BuildServices(values);

        // The swarm sends through the counting decorator, over Web PubSub's REST API with the managed identity.
        Assert.IsType<Swarm.Application.Realtime.CountingRealtimeChannel>(services.GetRequiredService<Swarm.Workflows.Realtime.IRealtimeChannel>());
        var channel = services.GetRequiredService<Swarm.Adapters.WebPubSub.WebPubSubChannel>();
        Assert.True(channel.UsesManagedIdentity);
        Assert.IsType<Swarm.Workflows.Realtime.PublishRealtimeActivity>(ActivatorUtilities.GetServiceOrCreateInstance<Swarm.Workflows.Realtime.PublishRealtimeActivity>(services));
        Assert.Equal("swarm-wps.webpubsub.azure.com", services.GetRequiredService<Swarm.Application.Realtime.IUpstreamRequestCheck>().AllowedOrigin("swarm-wps.webpubsub.azure.com"));
    }

    [Fact]
    public void With_the_app_settings_the_bicep_template_sets_without_an_audience_the_channel_uses_the_service_keys()
    {
        var values = SampleValues();
        values["realtime:endpoint"] = "https://swarm-wps.webpubsub.azure.com";
        values["realtime:hub"] = "swarm";
        values["realtime:accessKey"] = new string('p', 44);
        values["realtime:secondaryAccessKey"] = new string('s', 44);
        values["realtime:upstreamAudience"] = "";
        values["realtime:upstreamAuthority"] = "";
        values["realtime:upstreamCallerIds:0"] = "";
        using var services = BuildServices(values);

        Assert.False(services.GetRequiredService<Swarm.Adapters.WebPubSub.WebPubSubChannel>().UsesManagedIdentity);
        Assert.NotNull(services.GetRequiredService<Swarm.Application.Realtime.UpstreamRequestAuthenticator>());
    }

    [Fact]
    public void Without_an_endpoint_the_real_time_channel_is_off()
    {
        using var services = BuildServices();

        Assert.IsType<Swarm.Application.Realtime.DisabledRealtimeChannel>(services.GetRequiredService<Swarm.Workflows.Realtime.IRealtimeChannel>());
    }

    [Fact]
    public void The_sample_settings_carry_what_host_json_and_the_timer_bindings_read()
    {
        var values = SampleValues();

        Assert.False(string.IsNullOrEmpty(values["TaskHubName"]));
        Assert.All(PeriodicSchedules.Defaults, setting => Assert.Equal(setting.Value, values[setting.Key]));
    }

    [Fact]
    public void A_missing_secret_stops_the_app_before_any_function_runs_and_names_the_setting()
    {
        var values = SampleValues();
        values.Remove("JWT_SECRET");

        var error = Assert.Throws<SwarmConfigurationException>(() => BuildServices(values));

        Assert.Contains("security:jwt:secret", error.Message, StringComparison.Ordinal);
    }
}
