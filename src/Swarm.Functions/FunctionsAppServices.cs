using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Swarm.Runtime;
using Swarm.Runtime.Configuration;
using Swarm.Runtime.Telemetry;

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

        // config.json first, so app settings (environment variables) win over it.
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "config.json",
            Optional = true,
            ReloadOnChange = false,
        });
        services.AddSwarmRuntime(SwarmSettingsLoader.Load(configuration));
        services.AddSwarmTelemetry(configuration);
    }
}
