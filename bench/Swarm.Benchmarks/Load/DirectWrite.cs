namespace Swarm.Benchmarks.Load;

/// <summary>One direct write: the <c>PUT</c>'s status and latency, and when a read first saw the value (null if none did).</summary>
sealed record DirectWrite(int Status, TimeSpan Accepted, TimeSpan? Applied, int Reads);
