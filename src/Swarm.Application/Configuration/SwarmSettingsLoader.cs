using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Swarm.Providers.Configuration;

namespace Swarm.Application.Configuration;

/// <summary>Binds <see cref="SwarmSettings"/> strictly and validates them, so a host refuses to start on a bad setting.</summary>
public static partial class SwarmSettingsLoader
{
    /// <summary>The spec's <c>.env</c> name for the token secret; used when <c>security:jwt:secret</c> is not set.</summary>
    public const string JwtSecretVariable = "JWT_SECRET";

    /// <summary>
    /// Every problem is reported in one go (unknown keys, values of the wrong type, values out of range, and the host's
    /// own), so a configuration is fixed in one restart rather than one per mistake.
    /// </summary>
    /// <param name="hostProblems">Problems the host found in settings of its own (its port, say), reported with the rest.</param>
    /// <exception cref="SwarmConfigurationException">A setting is unknown, of the wrong type or out of range; the message names each key.</exception>
    public static SwarmSettings Load(IConfiguration configuration, IEnumerable<string>? hostProblems = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new SwarmSettings();
        (string Name, object Target)[] sections =
        [
            ("system", settings.System), ("database", settings.Database), ("security", settings.Security),
            ("learning", settings.Learning), ("api", settings.Api), ("providers", settings.Providers),
            ("defaultAgent", settings.DefaultAgent), ("durable", settings.Durable), ("selfHealing", settings.SelfHealing), ("autoscaling", settings.Autoscaling), ("realtime", settings.Realtime),
            ("mcp", settings.Mcp), ("dispatch", settings.Dispatch),
        ];

        var errors = new List<string>(hostProblems ?? []);
        var unbound = new List<string>();
        foreach (var (name, target) in sections)
        {
            // Unknown keys are errors: a misspelt setting would otherwise be silently ignored.
            FindUnknownKeys(configuration.GetSection(name), target.GetType(), errors);
            var bound = Bind(configuration, name, target, errors, unbound);
            if (!ReferenceEquals(bound, target))
            {
                typeof(SwarmSettings).GetProperty(name, BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance)!.SetValue(settings, bound);
            }
        }

        if (string.IsNullOrEmpty(settings.Security.Jwt.Secret) && configuration[JwtSecretVariable] is { Length: > 0 } secret)
        {
            settings.Security.Jwt.Secret = secret;
        }

        // The spec's .env names (QWEN_API_KEY, OPENAI_API_KEY, CLAUDE_API_KEY, and CUSTOM_/LOCAL_API_KEY); in Azure,
        // app settings of these names may be Key Vault references, which the platform resolves before we read them.
        foreach (var type in ProviderTypes.All)
        {
            if (settings.Providers.For(type) is VendorProviderSettings { ApiKey: null or "" } vendor
                && configuration[ProviderTypes.KeyVariable(type)] is { Length: > 0 } key)
            {
                vendor.ApiKey = key;
            }
        }

        // A value that could not be bound kept its default, so a range check on it would only repeat the problem.
        errors.AddRange(SwarmSettingsValidator.Validate(settings).Where(e => !unbound.Any(key => e.StartsWith($"'{key}'", StringComparison.OrdinalIgnoreCase))));
        if (errors.Count > 0)
        {
            throw new SwarmConfigurationException(errors);
        }

        return settings;
    }

    /// <summary>
    /// Binds a section, reporting every value of the wrong type: the binder stops at the first, so each one found is left
    /// out (it keeps its default) and the section is bound again, into a fresh block (lists would otherwise grow twice),
    /// until the rest binds. Returns the block that holds the section's values.
    /// </summary>
    static object Bind(IConfiguration configuration, string name, object target, List<string> errors, List<string> unbound)
    {
        var masked = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var source = configuration;
        while (true)
        {
            try
            {
                source.GetSection(name).Bind(target);
                return target;
            }
            catch (InvalidOperationException e)
            {
                errors.Add(Describe(e));
                if (ConversionFailure().Match(e.Message) is not { Success: true } failure || !masked.TryAdd(failure.Groups["key"].Value, null))
                {
                    return target;
                }

                unbound.Add(failure.Groups["key"].Value);
                source = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(masked).Build();
                target = Activator.CreateInstance(target.GetType())!;
            }
        }
    }

    static void FindUnknownKeys(IConfigurationSection section, Type type, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !property.CanWrite)
            {
                errors.Add($"'{child.Path}' is not a setting this version knows.");
            }
            else if (IsSettingsBlock(property.PropertyType))
            {
                FindUnknownKeys(child, property.PropertyType, errors);
            }
            else if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                && IsSettingsBlock(property.PropertyType.GetGenericArguments()[1]))
            {
                // A map of blocks, e.g. providers:openai:prices:<model>: each entry's keys are checked like a block's.
                foreach (var entry in child.GetChildren())
                {
                    FindUnknownKeys(entry, property.PropertyType.GetGenericArguments()[1], errors);
                }
            }
        }
    }

    static bool IsSettingsBlock(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Swarm.", StringComparison.Ordinal) == true;

    /// <summary>The binder names properties in C# casing and types by CLR name; say it in the settings' own terms.</summary>
    static string Describe(InvalidOperationException error)
    {
        var conversion = ConversionFailure().Match(error.Message);
        if (!conversion.Success)
        {
            return error.Message;
        }

        var key = string.Join(':', conversion.Groups["key"].Value.Split(':').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
        var expected = conversion.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            var other => "a " + other,
        };
        return $"'{key}' is '{conversion.Groups["value"].Value}', which is not {expected}.";
    }

    [GeneratedRegex("value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
