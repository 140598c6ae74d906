using System.Text;
using System.Text.Json;

namespace Swarm.Cli.Api;

/// <summary>
/// An answer that was not a success, read as the RFC 9457 problem document the swarm sends (title, detail, the fields
/// at fault); an answer that is not one (a proxy's HTML page, say) keeps its status and a short excerpt.
/// </summary>
sealed class ApiProblem
{
    ApiProblem(int status, string title, string? detail, IReadOnlyList<(string Field, string Message)> errors, string raw)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        Raw = raw;
    }

    public int Status { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyList<(string Field, string Message)> Errors { get; }

    /// <summary>The body as it came (what <c>--json</c> prints).</summary>
    public string Raw { get; }

    public int ExitCode => ExitCodes.ForStatus(Status);

    public static ApiProblem Read(int status, string? reason, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var errors = new List<(string, string)>();
                if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var error in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                    {
                        errors.Add((Json.Text(error, "field") ?? "", Json.Text(error, "message") ?? ""));
                    }
                }

                return new ApiProblem(status, Json.Text(root, "title") ?? reason ?? "Error", Json.Text(root, "detail"), errors, body);
            }
        }
        catch (JsonException)
        {
            // Not a problem document: described by its status below.
        }

        var excerpt = body.Length > 200 ? body[..200] + "..." : body;
        return new ApiProblem(status, reason ?? "Error", string.IsNullOrWhiteSpace(excerpt) ? null : excerpt.Trim(), [], body);
    }

    /// <summary>The lines a person reads on standard error: <c>error: Not Found (404): No task 'x'.</c> and each field at fault.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"error: {Title} ({Status})");
        if (!string.IsNullOrWhiteSpace(Detail))
        {
            text.Append(": ").Append(Detail);
        }

        foreach (var (field, message) in Errors.Where(e => !string.IsNullOrEmpty(e.Message) && Detail?.Contains(e.Message, StringComparison.Ordinal) != true))
        {
            text.AppendLine().Append("  ").Append(field).Append(": ").Append(message);
        }

        return text.ToString();
    }
}
