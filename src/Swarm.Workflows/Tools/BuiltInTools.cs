using System.Text.Json;

namespace Swarm.Workflows.Tools;

/// <summary>
/// The tools the swarm itself offers: shared memory, a question to another agent, and a vote. They run inside the
/// task's orchestration (entity calls, a step through the dispatcher, a consensus round), so each is durable by
/// construction; <see cref="AgentToolbox"/> carries them out.
/// </summary>
public static class BuiltInTools
{
    public const string MemoryGet = "memory_get";
    public const string MemoryPut = "memory_put";
    public const string MemoryList = "memory_list";
    public const string MemorySearch = "memory_search";
    public const string Ask = "ask";
    public const string Vote = "vote";

    const string NamespaceProperty = """
        "namespace": { "type": "string", "description": "Memory namespace: omit for the task's shared namespace; your own agent id for your private one; or a team namespace your role grants." }
        """;

    public static IReadOnlyList<ToolDefinition> All { get; } =
    [
        Define(MemoryGet, "Read one entry of the swarm's memory.", $$"""
            { "type": "object", "properties": { "key": { "type": "string", "description": "The entry's key." }, {{NamespaceProperty}} }, "required": ["key"] }
            """),
        Define(MemoryPut, "Write (or replace) one entry of the swarm's memory, so later steps and other agents of the task can build on it.", $$"""
            { "type": "object", "properties": { "key": { "type": "string", "description": "1 to 128 letters, digits, '.', '_' or '-'." }, "value": { "type": "string", "description": "What to remember (at most 16384 characters)." }, {{NamespaceProperty}} }, "required": ["key", "value"] }
            """),
        Define(MemoryList, "List the keys in a memory namespace.", $$"""
            { "type": "object", "properties": { "prefix": { "type": "string", "description": "Only keys starting with this." }, {{NamespaceProperty}} } }
            """),
        Define(MemorySearch, "Find the memory entries that best match some words, with their values.", $$"""
            { "type": "object", "properties": { "query": { "type": "string", "description": "Words to look for in keys and values." }, {{NamespaceProperty}} }, "required": ["query"] }
            """),
        Define(Ask, "Put a question to another agent of the swarm and get its answer. Name the agent, or the capability the answering agent needs; with neither, any free agent answers.", """
            { "type": "object", "properties": { "question": { "type": "string", "description": "The question, standing on its own." }, "agent": { "type": "string", "description": "The id of the agent to ask." }, "capability": { "type": "string", "description": "The expertise the answering agent needs, as agents name it: lowercase letters, digits and '-', e.g. fact-checking." } }, "required": ["question"] }
            """),
        Define(Vote, "Have agents with a capability vote on a question with fixed options, and get their decision.", """
            { "type": "object", "properties": { "question": { "type": "string" }, "options": { "type": "array", "items": { "type": "string" }, "minItems": 2, "maxItems": 10, "description": "2 to 10 choices, all different, each at most 500 characters." }, "capability": { "type": "string", "description": "The expertise voters need, as agents name it: lowercase letters, digits and '-', e.g. code-review." }, "voters": { "type": "integer", "minimum": 1, "maximum": 9, "description": "How many agents vote (default 3)." }, "rule": { "type": "string", "enum": ["simpleMajority", "superMajority", "unanimous", "weighted"], "description": "How ballots decide (default simpleMajority)." } }, "required": ["question", "options", "capability"] }
            """),
    ];

    /// <summary>The tools that start work for other agents; not offered to an agent that was itself asked, so questions cannot recurse.</summary>
    public static IReadOnlyList<string> Delegating { get; } = [Ask, Vote];

    static ToolDefinition Define(string name, string description, string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return new ToolDefinition(name, description, document.RootElement.Clone());
    }
}
