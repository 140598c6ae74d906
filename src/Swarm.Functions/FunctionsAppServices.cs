using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Swarm.Adapters.Telemetry;
using Swarm.Application.Configuration;
using Swarm.Hosting;

namespace Swarm.Functions;

/// <summary>
/// The Functions app's service registrations, kept apart from Program so a test can build the same container
/// without a Functions host. Settings come from config.json beside the app, then app settings
/// (<c>system__maxAgents</c> and so on), and are validated before anything runs.
/// </summary>
public static class FunctionsAppServices
{
    public static void Configure(IServiceCollection services, IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // config.json first, so app settings (environment variables) win over it; then the spec's .env names, which the
        // app's own names (system__logLevel and so on) override too.
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "config.json",
            Optional = true,
            ReloadOnChange = false,
        });
        var specNames = new ConfigurationBuilder().AddSpecEnvironmentNames();
        configuration.Sources.Insert(1, specNames.Sources[0]);
        services.AddSwarm(SwarmSettingsLoader.Load(configuration, HostProblems(configuration)));
        services.AddSwarmTelemetry(configuration);
        services.AddSwarmTracing(configuration);
    }

    /// <summary>The Functions platform chooses the port, so the spec's API_PORT would be ignored here: it is refused instead.</summary>
    static IEnumerable<string> HostProblems(IConfiguration configuration)
    {
        if (configuration[SpecEnvironmentNames.ApiPort] is { Length: > 0 } || configuration["localHost:httpPort"] is { Length: > 0 })
        {
            yield return $"'{SpecEnvironmentNames.ApiPort}' (localHost:httpPort) has no meaning in Azure Functions, whose platform chooses the port; remove it.";
        }
    }
}
