using System.Text.Json;

namespace Swarm.Cli.Profiles;

/// <summary>
/// The profiles file, <c>$SWARM_CONFIG_DIR/profiles.json</c> (by default <c>$XDG_CONFIG_HOME/swarm</c>, else
/// <c>~/.config/swarm</c>). It holds secrets, so on Unix it is written with mode 0600 in a 0700 folder, created that
/// way (never chmod-ed after the secret is in it), and replaced whole through a file of the same mode.
/// </summary>
sealed class ProfileStore(string directory)
{
    const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string Path { get; } = System.IO.Path.Combine(directory, "profiles.json");

    /// <summary>The store where the environment says it is.</summary>
    public static ProfileStore FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var directory = environment("SWARM_CONFIG_DIR");
        if (string.IsNullOrEmpty(directory))
        {
            var config = environment("XDG_CONFIG_HOME");
            if (string.IsNullOrEmpty(config))
            {
                config = System.IO.Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            directory = System.IO.Path.Combine(config, "swarm");
        }

        return new ProfileStore(directory);
    }

    public ProfileFile Read()
    {
        if (!File.Exists(Path))
        {
            return new ProfileFile();
        }

        try
        {
            return JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(Path), FileJson) ?? new ProfileFile();
        }
        catch (JsonException e)
        {
            throw new CliFailure(ExitCodes.Usage, $"error: {Path} is not a profiles file ({e.Message}); fix or delete it and log in again.");
        }
    }

    public void Write(ProfileFile profiles)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyDirectory);
        }

        // Written beside the file and moved over it, so a crash leaves the old file or the new one, never half of one.
        var next = Path + ".tmp";
        File.Delete(next);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(next, options))
        {
            JsonSerializer.Serialize(stream, profiles, FileJson);
        }

        File.Move(next, Path, overwrite: true);
    }
}
