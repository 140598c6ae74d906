namespace Swarm.Workflows.Realtime;

/// <summary>One batch of a stream's text, as <see cref="DeltaBatcher"/> hands it to be sent.</summary>
/// <param name="Sequence">The frame's place in its stream, from 0; a frame that could not be sent keeps its number, so the gap shows.</param>
/// <param name="Text">The text generated since the previous frame (may be empty on the final frame).</param>
/// <param name="Final">Whether the stream ended well with this frame: the model call has answered and nothing follows.</param>
public sealed record DeltaFrame(int Sequence, string Text, bool Final);
