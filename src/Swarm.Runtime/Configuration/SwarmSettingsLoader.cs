using Microsoft.Extensions.Configuration;

namespace Swarm.Runtime.Configuration;

/// <summary>Binds <see cref="SwarmSettings"/> strictly and validates them, so a host refuses to start on a bad setting.</summary>
public static class SwarmSettingsLoader
{
    /// <summary>The spec's <c>.env</c> name for the token secret; used when <c>security:jwt:secret</c> is not set.</summary>
    public const string JwtSecretVariable = "JWT_SECRET";

    /// <exception cref="SwarmConfigurationException">A setting is unknown, of the wrong type or out of range; the message names each key.</exception>
    public static SwarmSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new SwarmSettings();
        (string Name, object Target)[] sections =
        [
            ("system", settings.System), ("database", settings.Database), ("security", settings.Security),
            ("learning", settings.Learning), ("api", settings.Api), ("providers", settings.Providers),
            ("defaultAgent", settings.DefaultAgent), ("durable", settings.Durable),
        ];

        var errors = new List<string>();
        foreach (var (name, target) in sections)
        {
            try
            {
                // Unknown keys are errors: a misspelt setting would otherwise be silently ignored.
                configuration.GetSection(name).Bind(target, o => o.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                errors.Add(e.Message);
            }
        }

        if (string.IsNullOrEmpty(settings.Security.Jwt.Secret) && configuration[JwtSecretVariable] is { Length: > 0 } secret)
        {
            settings.Security.Jwt.Secret = secret;
        }

        errors.AddRange(SwarmSettingsValidator.Validate(settings));
        if (errors.Count > 0)
        {
            throw new SwarmConfigurationException(errors);
        }

        return settings;
    }
}
