using System.Xml.Linq;
using Swarm.Tests;

namespace Swarm.Api.Tests.Architecture;

/// <summary>
/// The projects depend downwards only: the API and the adapters both build on the application layer and never on each
/// other, so a handler cannot reach a Table client and an adapter cannot answer a request. The hosts see everything
/// through the composition root. A new project joins <see cref="Layers"/> with what it may reference.
/// </summary>
public sealed class ProjectLayersTests
{
    static readonly Dictionary<string, string[]> Layers = new()
    {
        ["Swarm.Domain"] = [],
        ["Swarm.Workflows"] = ["Swarm.Domain"],
        ["Swarm.Providers"] = ["Swarm.Workflows"],
        ["Swarm.Mcp"] = ["Swarm.Workflows"],
        ["Swarm.Application"] = ["Swarm.Workflows", "Swarm.Providers", "Swarm.Mcp"],
        ["Swarm.Api"] = ["Swarm.Application"],
        ["Swarm.Adapters"] = ["Swarm.Application"],
        ["Swarm.McpServer"] = ["Swarm.Api"],
        ["Swarm.Hosting"] = ["Swarm.Api", "Swarm.Adapters", "Swarm.McpServer"],
        ["Swarm.Functions"] = ["Swarm.Hosting"],
        ["Swarm.LocalHost"] = ["Swarm.Hosting"],

        // The swarm command is a client of the API over HTTP only: no project of the swarm, not even the domain.
        ["Swarm.Cli"] = [],
    };

    /// <summary>Azure services and metrics exporters: what only the adapters talk to.</summary>
    static readonly string[] AdapterPackages = ["Azure.Data.Tables", "Azure.Identity", "Azure.Monitor.", "OpenTelemetry"];

    [Fact]
    public void Each_project_references_only_the_layers_below_it()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Layers.Keys.Order(StringComparer.Ordinal), projects);
        foreach (var project in projects)
        {
            var referenced = References(project!, "ProjectReference").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
            Assert.True(Layers[project!].Order(StringComparer.Ordinal).SequenceEqual(referenced), $"{project} references {string.Join(", ", referenced)}; its layer allows {string.Join(", ", Layers[project!])}.");
        }
    }

    [Fact]
    public void Only_the_adapters_reference_Azure_services_and_exporters()
    {
        var offenders = Layers.Keys.Where(p => p != "Swarm.Adapters")
            .SelectMany(p => References(p, "PackageReference").Where(package => AdapterPackages.Any(a => package.StartsWith(a, StringComparison.Ordinal))).Select(package => $"{p}: {package}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Reference these from Swarm.Adapters, behind a port:\n" + string.Join("\n", offenders));
    }

    static IEnumerable<string> References(string project, string kind) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"))
            .Descendants(kind)
            .Select(reference => reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar));
}
