using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Swarm.Api.Contract;
using Swarm.Tests;

namespace Swarm.Api.Tests.OpenApi;

/// <summary>
/// The generated document passes an OpenAPI linter nobody here wrote: Redocly CLI (from npm, package.json) with
/// docs/api/redocly.yaml, its strictest built-in rules with no rule relaxed. A document with a flaw fails it.
/// </summary>
public sealed class OpenApiLintTests
{
    static readonly string Config = Path.Combine(RepositoryPaths.Root, "docs", "api", "redocly.yaml");

    [Fact]
    public async Task The_generated_document_passes_the_linter_with_no_error_or_warning()
    {
        var (exitCode, totals, output) = await LintAsync(OpenApiDocument.ForSwarm);

        Assert.True(exitCode == 0 && totals.Errors == 0 && totals.Warnings == 0, $"redocly lint: exit {exitCode}, {totals}:\n{output}");
    }

    [Fact]
    public async Task A_document_whose_security_schemes_are_missing_fails_the_linter()
    {
        var broken = OpenApiDocument.ForSwarm.DeepClone().AsObject();
        broken["components"]!.AsObject().Remove("securitySchemes");

        var (exitCode, totals, _) = await LintAsync(broken);

        Assert.NotEqual(0, exitCode);
        Assert.True(totals.Errors > 0);
    }

    [Fact]
    public void The_linter_configuration_relaxes_no_rule()
    {
        var lines = File.ReadAllLines(Config).Where(l => !l.TrimStart().StartsWith('#'));

        Assert.DoesNotContain(lines, l => l.TrimEnd().EndsWith(": off", StringComparison.Ordinal) || l.TrimEnd().EndsWith(": warn", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "- recommended-strict");
    }

    static async Task<(int ExitCode, Totals Totals, string Output)> LintAsync(JsonObject document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, OpenApiDocument.ToFileText(document));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root,
            };
            foreach (var argument in new[] { Path.Combine(RepositoryPaths.Root, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--config", Config, "--format=json" })
            {
                start.ArgumentList.Add(argument);
            }

            // No telemetry or update check: the tests reach nothing outside this machine.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(deadline.Token);
            var report = JsonNode.Parse(await output)!;
            var totals = report["totals"].Deserialize<Totals>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            return (process.ExitCode, totals, (await output) + await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    sealed record Totals(int Errors, int Warnings, int Ignored);
}
