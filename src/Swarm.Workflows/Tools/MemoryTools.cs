using Microsoft.DurableTask;
using Swarm.Domain.Agents;
using Swarm.Domain.Learning;
using Swarm.Domain.Memory;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Memory;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tools;

/// <summary>
/// The memory tools, run inside the task's orchestration as calls to the namespace's <see cref="MemoryEntity"/>: each
/// is recorded in history, so a replay reads the recorded answer and a write is applied once. Every namespace is
/// checked against the agent's <see cref="MemoryScope"/> first. Values are sealed and opened by activities when
/// encryption at rest is on.
/// </summary>
/// <param name="sealValues">Whether new values are sealed (encryption at rest was on when the task was accepted).</param>
/// <param name="embed">
/// Whether plain values put and queries searched are embedded first (<c>learning:embeddings</c> was on when the task
/// was accepted), each by an <see cref="EmbedTextActivity"/>; sealed values never are.
/// </param>
public sealed class MemoryTools(TaskOrchestrationContext context, bool sealValues, bool embed = false)
{
    /// <summary>Keys one <c>memory_list</c> returns at most; the model can narrow with a prefix.</summary>
    public const int ListLimit = 100;

    /// <summary>Entries one <c>memory_search</c> returns at most, and characters of each value shown.</summary>
    public const int SearchLimit = 5;
    public const int ValueChars = 1_000;

    public async Task<ToolResult> RunAsync(string tool, ToolArguments arguments, MemoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(scope);
        var memoryNamespace = arguments.Text("namespace") ?? scope.TaskId ?? scope.AgentId;
        if (!MemoryShelf.IsName(memoryNamespace))
        {
            throw new ToolArgumentException($"'namespace' {MemoryShelf.NameRule}");
        }

        var write = tool == BuiltInTools.MemoryPut;
        if (write ? !scope.CanWrite(memoryNamespace) : !scope.CanRead(memoryNamespace))
        {
            return ToolResult.Error(scope.Refusal(memoryNamespace, write));
        }

        var entity = MemoryEntity.IdFor(memoryNamespace);
        switch (tool)
        {
            case BuiltInTools.MemoryGet:
            {
                var key = Key(arguments);
                var entry = await context.Entities.CallEntityAsync<MemoryEntry?>(entity, nameof(MemoryEntity.Read), key);
                return entry is null
                    ? ToolResult.Ok($"No entry '{key}' in namespace '{memoryNamespace}'.")
                    : ToolResult.Ok((await OpenAsync(memoryNamespace, [new MemoryHit(key, entry, 0)]))[0]);
            }

            case BuiltInTools.MemoryPut:
            {
                var key = Key(arguments);
                var value = arguments.RequiredText("value");
                if (value.Length > MemoryShelf.MaxValueLength)
                {
                    throw new ToolArgumentException($"'value' has {value.Length} characters; at most {MemoryShelf.MaxValueLength} are stored.");
                }

                var by = AgentSubject.Of(scope.AgentId);
                var entry = sealValues
                    ? await context.CallActivityAsync<MemoryEntry>(nameof(SealMemoryValueActivity), new MemoryValueToSeal(memoryNamespace, key, value, context.CurrentUtcDateTime, by))
                    : new MemoryEntry(value, context.CurrentUtcDateTime, by, false, await EmbedAsync(value));
                var stored = await context.Entities.CallEntityAsync<bool>(entity, nameof(MemoryEntity.Put), new MemoryWrite(key, entry));
                return stored
                    ? ToolResult.Ok($"Stored '{key}' in namespace '{memoryNamespace}'.")
                    : ToolResult.Error($"Namespace '{memoryNamespace}' is full ({MemoryShelf.MaxEntries} entries); replace or remove an entry first.");
            }

            case BuiltInTools.MemoryList:
            {
                var keys = await context.Entities.CallEntityAsync<IReadOnlyList<string>>(entity, nameof(MemoryEntity.Keys), new MemoryKeyQuery(arguments.Text("prefix"), ListLimit + 1));
                return ToolResult.Ok(keys.Count == 0
                    ? $"Namespace '{memoryNamespace}' holds no entries" + (arguments.Text("prefix") is { } p ? $" starting with '{p}'." : ".")
                    : string.Join('\n', keys.Take(ListLimit)) + (keys.Count > ListLimit ? $"\n[only the first {ListLimit} keys are listed; give a prefix to narrow]" : ""));
            }

            default:
            {
                var query = arguments.RequiredText("query");
                var hits = await context.Entities.CallEntityAsync<IReadOnlyList<MemoryHit>>(entity, nameof(MemoryEntity.Search), new MemorySearchQuery(query, SearchLimit, await EmbedAsync(query)));
                if (hits.Count == 0)
                {
                    return ToolResult.Ok($"Nothing in namespace '{memoryNamespace}' matches.");
                }

                var values = await OpenAsync(memoryNamespace, hits);
                return ToolResult.Ok(string.Join('\n', hits.Select((h, i) => $"{h.Key}: {Cut(values[i], ValueChars)}")));
            }
        }
    }

    /// <summary>
    /// The text's vector when embedding is on; null otherwise, and when the model cannot be reached: a vector only
    /// sharpens search, so a put or a search goes ahead on words alone rather than fail the agent's tool call.
    /// </summary>
    async Task<QuantizedEmbedding?> EmbedAsync(string text)
    {
        if (!embed)
        {
            return null;
        }

        try
        {
            return await context.CallActivityAsync<QuantizedEmbedding?>(nameof(EmbedTextActivity), new TextToEmbed(text));
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }

    /// <summary>Plain values of entries read from one namespace, opening sealed ones in one activity.</summary>
    public async Task<IReadOnlyList<string>> OpenAsync(string memoryNamespace, IReadOnlyList<MemoryHit> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Any(e => e.Entry.Sealed)
            ? await context.CallActivityAsync<IReadOnlyList<string>>(nameof(OpenMemoryValuesActivity), new SealedMemoryValues(memoryNamespace, entries))
            : [.. entries.Select(e => e.Entry.Value)];
    }

    /// <summary>A value shown to a model: its first <paramref name="chars"/> characters, then an ellipsis if there was more.</summary>
    public static string Cut(string value, int chars)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= chars ? value : value[..chars] + "…";
    }

    static string Key(ToolArguments arguments)
    {
        var key = arguments.RequiredText("key");
        return MemoryShelf.IsName(key) ? key : throw new ToolArgumentException($"'key' {MemoryShelf.NameRule}");
    }
}
