using Microsoft.Extensions.AI;

namespace Swarm.Workflows.Models;

/// <summary>
/// Who makes a model call and for what, carried on its <see cref="ChatOptions"/> through the provider stack (the
/// simulated provider's quality and its seeds depend on it). Kept as plain strings in the options' extension bag, since
/// a vendor adapter may copy that bag into its request; this record is the only code that knows the keys.
/// </summary>
/// <param name="AgentId">The agent making the call.</param>
/// <param name="Capability">The capability the task needs, when it names one.</param>
/// <param name="Question">A ballot's question, without the instructions around it.</param>
public sealed record ModelCallContext(string AgentId, string? Capability = null, string? Question = null)
{
    const string AgentKey = "swarm.agentId";
    const string CapabilityKey = "swarm.capability";
    const string QuestionKey = "swarm.question";

    /// <summary>The context a call's options carry, or null when they carry none.</summary>
    public static ModelCallContext? Of(ChatOptions? options) =>
        options?.AdditionalProperties is { } bag && bag.GetValueOrDefault(AgentKey) is string agent
            ? new ModelCallContext(agent, bag.GetValueOrDefault(CapabilityKey) as string, bag.GetValueOrDefault(QuestionKey) as string)
            : null;

    /// <summary>Writes this context into the options, replacing any earlier one; returns the options.</summary>
    public ChatOptions AttachTo(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[AgentKey] = AgentId;
        options.AdditionalProperties[CapabilityKey] = Capability;
        options.AdditionalProperties[QuestionKey] = Question;
        return options;
    }
}
