using System.Text.Json;
using System.Text.RegularExpressions;

namespace Swarm.Infrastructure.Tests;

/// <summary>Compiles infra/bicep/main.bicep once for every test in a class and parses the ARM JSON it prints.</summary>
public sealed partial class MainTemplateFixture : IDisposable
{
    public const string TemplatePath = "infra/bicep/main.bicep";

    private readonly JsonDocument? _document;

    public MainTemplateFixture()
    {
        Build = BicepCli.Run(RepositoryRoot.Path, "build", TemplatePath, "--stdout");
        if (Build.ExitCode == 0 && Build.StandardOutput.Length > 0)
        {
            _document = JsonDocument.Parse(Build.StandardOutput);
        }
    }

    public BicepRun Build { get; }

    /// <summary>The compiled template's root; fails the calling test when the build gave no JSON.</summary>
    public JsonElement Template => _document?.RootElement
        ?? throw new InvalidOperationException($"{TemplatePath} did not compile: {Build}");

    /// <summary>Resources of one type (case-insensitive), whether the template lists resources as an array or, with symbolic names, as an object.</summary>
    public IReadOnlyList<JsonElement> Resources(string type)
    {
        var resources = Template.GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        return all.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public JsonElement SingleResource(string type)
    {
        var matches = Resources(type);
        Assert.True(matches.Count == 1, $"Expected one {type} in {TemplatePath}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The function app's <c>siteConfig.appSettings</c> as name to value.</summary>
    public IReadOnlyDictionary<string, JsonElement> AppSettings()
    {
        var site = SingleResource("Microsoft.Web/sites");
        return site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value"), StringComparer.Ordinal);
    }

    /// <summary>
    /// The ARM expression (without brackets) that names a top-level resource, as Bicep writes it wherever another
    /// resource refers to it: <c>resourceId('type', nameExpression)</c>.
    /// </summary>
    public static string ResourceIdExpression(JsonElement resource)
    {
        var type = resource.GetProperty("type").GetString()!;
        var name = resource.GetProperty("name").GetString()!;
        var nameExpression = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : $"'{name}'";
        return $"resourceId('{type}', {nameExpression})";
    }

    /// <summary>An ARM expression with each <c>variables('name')</c> whose value is a string replaced by that quoted value.</summary>
    public string ExpandVariables(string expression)
    {
        var variables = Template.TryGetProperty("variables", out var v) ? v : default;
        return VariableReference().Replace(expression, match =>
            variables.ValueKind == JsonValueKind.Object
            && variables.TryGetProperty(match.Groups["name"].Value, out var value)
            && value.ValueKind == JsonValueKind.String
                ? $"'{value.GetString()}'"
                : match.Value);
    }

    /// <summary>The value itself, or, when it is exactly <c>[variables('name')]</c>, that variable's value.</summary>
    public JsonElement Resolve(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String
            && VariableReference().Match(value.GetString()!) is { Success: true } match
            && match.Index == 1 && match.Length + 2 == value.GetString()!.Length
            && Template.GetProperty("variables").TryGetProperty(match.Groups["name"].Value, out var variable))
        {
            return variable;
        }

        return value;
    }

    public void Dispose() => _document?.Dispose();

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();
}
