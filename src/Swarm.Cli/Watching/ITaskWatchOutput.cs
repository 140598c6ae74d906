using System.Text.Json;

namespace Swarm.Cli.Watching;

/// <summary>Where a task watch reports what it learns: lines on a plain stream, or a live view redrawn in place.</summary>
interface ITaskWatchOutput
{
    /// <summary>The task as the latest poll read it.</summary>
    void Task(JsonElement task);

    /// <summary>A <c>task_delta</c> event's data: text a model generated since the previous one.</summary>
    void Delta(JsonElement delta);

    /// <summary>Something the watcher itself has to say (a refused join, the channel closing).</summary>
    void Note(string text);
}
