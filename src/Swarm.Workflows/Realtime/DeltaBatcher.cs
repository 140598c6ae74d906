using System.Text;
using System.Threading.Channels;

namespace Swarm.Workflows.Realtime;

/// <summary>
/// Turns one model call's stream of text pieces into few, ordered frames, so a fast model cannot flood the channel: the
/// first piece goes at once (the time to the first token is what a reader waits for), then at most one frame every
/// <see cref="Interval"/> (50 ms) with all the text generated meanwhile, or sooner once <see cref="MaxFrameChars"/>
/// (1,024) characters are waiting. A stream of n characters over t seconds thus sends at most
/// 2 + 20·t + n/1,024 frames, whatever its vendor's chunking. One loop sends, one frame at a time, so frames never
/// overtake each other and a slow channel only makes the next frame bigger; the model call never waits for it. Each
/// frame goes to every outlet (an audience: the submitter, the task's group) at once.
/// </summary>
/// <remarks>
/// The channel failing never fails the model call: a frame an outlet did not take is counted in <see cref="Dropped"/>
/// (with <see cref="LastFailure"/>), and so is everything after it for that outlet, because an outlet that failed once
/// for a stream is not asked again for it (each failure may cost the channel's whole time limit); the other outlets go
/// on. <see cref="CompleteAsync"/> waits at most <see cref="FlushLimit"/> for the last frames, then drops them too: the
/// answer is in the durable result anyway.
/// </remarks>
public sealed class DeltaBatcher : IAsyncDisposable
{
    /// <summary>The least time between two frames of one stream (the first frame goes at once).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>How many waiting characters make a frame go before its interval is up.</summary>
    public const int MaxFrameChars = 1_024;

    /// <summary>How long <see cref="CompleteAsync"/> waits for the frames still to send.</summary>
    public static readonly TimeSpan FlushLimit = TimeSpan.FromSeconds(5);

    readonly IReadOnlyList<Func<DeltaFrame, CancellationToken, Task>> outlets;
    readonly bool[] failed;
    readonly TimeProvider time;
    readonly Channel<string> pieces = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    readonly CancellationTokenSource abandon = new();
    readonly Task pump;
    volatile bool endedWell;
    int sent;
    int dropped;

    /// <param name="outlets">Each sends one frame to one audience, and throws if the channel did not take it.</param>
    public DeltaBatcher(IReadOnlyList<Func<DeltaFrame, CancellationToken, Task>> outlets, TimeProvider time)
    {
        this.outlets = outlets ?? throw new ArgumentNullException(nameof(outlets));
        failed = new bool[outlets.Count];
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Frames the channel took, counted once per outlet.</summary>
    public int Sent => Volatile.Read(ref sent);

    /// <summary>Frames not sent, once per outlet: refused, or left when the outlet had failed or the flush limit passed.</summary>
    public int Dropped => Volatile.Read(ref dropped);

    /// <summary>Why the first frame was dropped, when one was.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Takes the next piece of text; never waits.</summary>
    public void Add(string text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            pieces.Writer.TryWrite(text);
        }
    }

    /// <summary>
    /// Ends the stream and sends what is left, the last frame marked final when <paramref name="final"/> (the call
    /// answered); after a failed call what is left goes unmarked, and the next attempt starts its own stream.
    /// </summary>
    public async Task CompleteAsync(bool final)
    {
        endedWell = final;
        pieces.Writer.TryComplete();
        try
        {
            await pump.WaitAsync(FlushLimit, time);
        }
        catch (TimeoutException)
        {
            // The channel is slow: what is still to send is dropped, and the call's answer is not held up for it.
            await abandon.CancelAsync();
            await pump;
        }
    }

    public async ValueTask DisposeAsync()
    {
        pieces.Writer.TryComplete();
        await abandon.CancelAsync();
        await pump;
        abandon.Dispose();
    }

    async Task PumpAsync()
    {
        var reader = pieces.Reader;
        var batch = new StringBuilder();
        var sequence = 0;
        long? lastSent = null;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            await GatherAsync(reader, batch, lastSent is { } last ? Interval - time.GetElapsedTime(last) : TimeSpan.Zero);
            if (reader.Completion.IsCompleted)
            {
                break;
            }

            await SendAsync(new DeltaFrame(sequence++, batch.ToString(), Final: false));
            batch.Clear();
            lastSent = time.GetTimestamp();
        }

        if (batch.Length > 0 || endedWell)
        {
            await SendAsync(new DeltaFrame(sequence, batch.ToString(), endedWell));
        }
    }

    /// <summary>Adds what arrives to the batch until the wait is over, the batch is full or the stream has ended.</summary>
    async Task GatherAsync(ChannelReader<string> reader, StringBuilder batch, TimeSpan wait)
    {
        Drain(reader, batch);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var window = new CancellationTokenSource(wait, time);
        try
        {
            while (batch.Length < MaxFrameChars && await reader.WaitToReadAsync(window.Token))
            {
                Drain(reader, batch);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The interval is up: what has arrived goes now.
        }
    }

    static void Drain(ChannelReader<string> reader, StringBuilder batch)
    {
        while (batch.Length < MaxFrameChars && reader.TryRead(out var piece))
        {
            batch.Append(piece);
        }
    }

    Task SendAsync(DeltaFrame frame) => Task.WhenAll(outlets.Select((outlet, i) => SendAsync(frame, outlet, i)));

    async Task SendAsync(DeltaFrame frame, Func<DeltaFrame, CancellationToken, Task> outlet, int index)
    {
        if (failed[index] || abandon.IsCancellationRequested)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        try
        {
            await outlet(frame, abandon.Token);
            Interlocked.Increment(ref sent);
        }
#pragma warning disable CA1031 // Whatever stops a frame (network, identity, the flush limit) must not reach the model call it describes.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failed[index] = true;
            LastFailure ??= $"{e.GetType().Name}: {e.Message}";
            Interlocked.Increment(ref dropped);
        }
    }
}
