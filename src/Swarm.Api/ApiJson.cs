using System.Text.Json;
using System.Text.RegularExpressions;
using Swarm.Workflows.Json;

namespace Swarm.Api;

/// <summary>
/// JSON for the API: the swarm's one shape (<see cref="SwarmJson"/>, shared with the real-time events), and reading a
/// request body strictly, with a problem that names the field that does not fit.
/// </summary>
public static partial class ApiJson
{
    public static JsonSerializerOptions Options => SwarmJson.Options;

    /// <summary>Reads a JSON body of at most <paramref name="maxBytes"/> bytes into <typeparamref name="T"/>.</summary>
    /// <exception cref="ApiProblemException">The body is missing, too large, not JSON, or does not fit <typeparamref name="T"/>; the problem names the field.</exception>
    public static async Task<T> ReadBodyAsync<T>(ApiRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var contentType = request.Header("Content-Type");
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(Problems.UnsupportedMediaType(contentType));
        }

        var body = await ReadBytesAsync(request, maxBytes, cancellationToken) ?? throw new ApiProblemException(Problems.PayloadTooLarge(maxBytes));
        if (body.Length == 0)
        {
            throw new ApiProblemException(Problems.MalformedBody("The request body is empty; a JSON object is required."));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Options)
                ?? throw new ApiProblemException(Problems.MalformedBody("The request body is null; a JSON object is required."));
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(Describe(e));
        }
    }

    /// <summary>The request's body, or null when it is over <paramref name="maxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadBytesAsync(ApiRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Turns a serializer error into a problem that names the field, without the serializer's internal type names.</summary>
    static ProblemDetails Describe(JsonException error)
    {
        var unknown = UnknownProperty().Match(error.Message);
        if (unknown.Success)
        {
            var field = FieldOf(error.Path, unknown.Groups[1].Value);
            return Problems.MalformedBody($"'{field}' is not a field of this request.", field);
        }

        if (error.Path is { } path && path != "$")
        {
            var field = FieldOf(path, null);
            if (error is EnumValueException { AllowedNames.Count: > 0 } named)
            {
                return Problems.MalformedBody($"'{field}' must be one of: {string.Join(", ", named.AllowedNames)}.", field);
            }

            var duplicate = error.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase);
            return Problems.MalformedBody(duplicate ? $"'{field}' appears more than once." : $"'{field}' has a value of the wrong type or is not allowed.", field);
        }

        return Problems.MalformedBody($"The request body is not a valid JSON object (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}).");
    }

    static string FieldOf(string? path, string? leaf)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        if (leaf is not null && !field.EndsWith(leaf, StringComparison.Ordinal))
        {
            field = field.Length == 0 ? leaf : field + "." + leaf;
        }

        return field.Length == 0 ? "(body)" : field;
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();
}
