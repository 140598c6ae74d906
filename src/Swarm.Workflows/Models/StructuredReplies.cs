using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Swarm.Workflows.Models;

/// <summary>
/// Asks a model for a reply shaped by a JSON schema (a vote, a plan) and reads it into a record.
/// Providers that support it get the schema as their structured-output response format; the reply is parsed either
/// way, and a reply that does not parse fails clearly instead of becoming a silently empty vote.
/// </summary>
public static class StructuredReplies
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    /// <exception cref="ModelCallRejectedException">The model answered with something that is not a <typeparamref name="T"/>; the message quotes its start.</exception>
    public static async Task<(T Value, ChatResponse Response)> GetAsync<T>(
        IChatClient client, IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetResponseAsync<T>(messages, Json, options, useJsonSchemaResponseFormat: true, cancellationToken);
        try
        {
            if (response.TryGetResult(out var value) && value is not null)
            {
                return (value, response);
            }
        }
        catch (JsonException)
        {
            // Reported below with the reply itself, which says more than the parser's position.
        }

        var text = response.Text;
        var quoted = text.Length <= 200 ? text : text[..200] + "…";
        throw new ModelCallRejectedException(
            $"{response.ModelId ?? "the model"} replied with something that is not a {typeof(T).Name} in JSON: \"{quoted}\"");
    }
}
