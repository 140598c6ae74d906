using System.Text.Json;
using ModelContextProtocol.Protocol;
using Swarm.Api;
using Swarm.Domain.Tasks;

namespace Swarm.McpServer.Tools;

/// <summary>
/// A route's answer as a tool result: its JSON body as text, or, for a problem, an error result (<c>isError</c>) whose
/// text names the problem as REST would (title, status, detail, the fields at fault), so a model can read and fix it.
/// </summary>
public static class ToolResults
{
    public static CallToolResult From(ApiResponse response, string? preface = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body is ProblemDetails problem)
        {
            return Problem(problem);
        }

        var json = response.Body is null ? $"{{\"status\": {response.Status}}}" : JsonSerializer.Serialize(response.Body, response.Body.GetType(), ApiJson.Options);
        return Text(preface is null ? json : preface + "\n" + json, isError: false);
    }

    public static CallToolResult Problem(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var fields = problem.Errors is { Count: > 0 } errors ? "\n" + string.Join("\n", errors.Select(e => $"- {e.Field}: {e.Message}")) : string.Empty;
        var trace = problem.CorrelationId is null ? string.Empty : $" Correlation id: {problem.CorrelationId}.";
        return Text($"{problem.Title} (HTTP {problem.Status}): {problem.Detail}{fields}\nProblem type: {problem.Type}.{trace}", isError: true);
    }

    public static CallToolResult InvalidArguments(SwarmTool tool, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(errors);
        return Text($"Invalid arguments for {tool.Name}:\n" + string.Join("\n", errors.Select(e => $"- {e.Field}: {e.Message}")), isError: true);
    }

    static CallToolResult Text(string text, bool isError) => new() { Content = [new TextContentBlock { Text = text }], IsError = isError };
}
