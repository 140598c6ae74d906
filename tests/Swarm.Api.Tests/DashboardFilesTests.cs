using System.Text;
using System.Text.RegularExpressions;
using Swarm.Api.Dashboard;

namespace Swarm.Api.Tests;

/// <summary>The dashboard's embedded files: every one the page loads is there, with its type, and nothing else is served.</summary>
public sealed partial class DashboardFilesTests
{
    [Fact]
    public void Every_module_the_page_imports_is_embedded()
    {
        var modules = new Queue<string>(["js/main.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (modules.TryDequeue(out var module))
        {
            if (!seen.Add(module))
            {
                continue;
            }

            var answer = DashboardFiles.Answer(DashboardFiles.BasePath + module, "test");
            Assert.True(answer.Status == 200, $"{module} is imported but not embedded.");
            Assert.Equal("text/javascript; charset=utf-8", answer.ContentType);
            var directory = module.Contains('/', StringComparison.Ordinal) ? module[..module.LastIndexOf('/')] : string.Empty;
            foreach (Match import in ImportPattern().Matches(Encoding.UTF8.GetString((byte[])answer.Body!)))
            {
                modules.Enqueue(Resolve(directory, import.Groups["path"].Value));
            }
        }

        // Every embedded script is reachable from the page: none is left over, none missing.
        Assert.Equal(DashboardFiles.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)).Order(), seen.Order());
    }

    [Fact]
    public void The_page_is_answered_at_its_base_path_with_its_security_headers_and_the_bare_path_redirects()
    {
        var page = DashboardFiles.Answer("/dashboard/", "test");
        var bare = DashboardFiles.Answer("/dashboard", "test");

        Assert.Equal(200, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("script-src 'self'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
        Assert.Contains("js/main.js", Encoding.UTF8.GetString((byte[])page.Body!), StringComparison.Ordinal);
        Assert.Equal(308, bare.Status);
        Assert.Equal("/dashboard/", bare.Headers["Location"]);
    }

    [Theory]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/dashboard/../Swarm.Api.dll")]
    [InlineData("/dashboard/js/")]
    [InlineData("/dashboardx")]
    [InlineData("/dashboard//index.html")]
    public void Anything_but_an_embedded_file_is_a_404_problem(string path)
    {
        var answer = DashboardFiles.Answer(path, "correlation-1");

        Assert.Equal(404, answer.Status);
        var problem = Assert.IsType<ProblemDetails>(answer.Body);
        Assert.Equal("urn:swarm:problem:route-not-found", problem.Type);
        Assert.Equal("correlation-1", problem.CorrelationId);
        Assert.Equal("correlation-1", answer.Headers[CorrelationIds.Header]);
    }

    static string Resolve(string directory, string relative)
    {
        var parts = directory.Length == 0 ? new List<string>() : [.. directory.Split('/')];
        foreach (var segment in relative.Split('/'))
        {
            if (segment == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"^import .* from '(?<path>\.{1,2}/[^']+)';", RegexOptions.Multiline)]
    private static partial Regex ImportPattern();
}
