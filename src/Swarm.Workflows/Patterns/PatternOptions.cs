using Swarm.Domain.Patterns;

namespace Swarm.Workflows.Patterns;

/// <summary>
/// Pattern recognition as the settings said when the task was submitted (<c>learning:patterns:*</c>), fixed in its input
/// so replays recall and remember as the first run did. A task's <c>Patterns</c> is null when recognition was off, and
/// in the histories of tasks submitted before it existed: such a task recalls nothing and leaves no fingerprint.
/// </summary>
/// <param name="Neighbours">Similar tasks recalled at most.</param>
/// <param name="MinSimilarity">Past tasks less alike than this are not recalled.</param>
/// <param name="ShareLessons">Whether lessons carrying a person's comment reach other people's tasks.</param>
/// <param name="MaxPerShard">Fingerprints the task's atlas shard keeps.</param>
/// <param name="Embed">
/// Whether the prompt is embedded once (<c>EmbedTextActivity</c>) to recall by words and meaning and to store in the
/// fingerprint: <c>learning:embeddings</c> was on and encryption at rest off (the atlas is not sealed, and a vector
/// says what its text says). False in histories from before embeddings, which recall by words alone.
/// </param>
/// <param name="Keys">
/// Pattern keys (<c>learning:patterns:keys</c>) when the task embeds: its shard recognises the prompt's pattern at recall,
/// its steps are routed and taught by that pattern's record, and its fingerprint joins (or starts) a pattern. Null
/// when keys are off or the task does not embed, and in histories from before pattern keys.
/// </param>
public sealed record PatternOptions(int Neighbours, double MinSimilarity, bool ShareLessons, int MaxPerShard, bool Embed = false, PatternClustering? Keys = null);
