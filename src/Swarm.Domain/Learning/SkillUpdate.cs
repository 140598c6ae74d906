using System.Text.Json.Serialization;

namespace Swarm.Domain.Learning;

/// <summary>
/// One line of an agent's skill trace: which signal changed which estimate, and how far. Consecutive learning passes
/// over the same key are one line (<see cref="Times"/> passes since <see cref="Since"/>), so passes do not flush the trace.
/// </summary>
/// <param name="SignalId">The signal's id: it names the task seat, proposal, rating, reset or pass behind the change.</param>
/// <param name="Key">The capability whose estimate changed.</param>
/// <param name="Value">The signal's y (0 for a relax or a reset, which carry none).</param>
/// <param name="Weight">The signal's w (0 for a relax or a reset).</param>
/// <param name="MeanBefore">The estimate's mean before.</param>
/// <param name="MeanAfter">The estimate's mean after.</param>
/// <param name="At">When it changed (for merged passes, the latest).</param>
/// <param name="Times">How many passes this line stands for (1 for every other kind).</param>
/// <param name="Since">For merged passes, when the first of them ran; null otherwise.</param>
public sealed record SkillUpdate(
    string SignalId,
    SkillKind Kind,
    string Key,
    double Value,
    double Weight,
    double MeanBefore,
    double MeanAfter,
    DateTimeOffset At,
    int Times = 1,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Since = null);
