using System.Text.Json;

namespace Swarm.Workflows.Json;

/// <summary>A JSON value that names no member of the enum it was read into; <see cref="AllowedNames"/> are the ones that would.</summary>
public sealed class EnumValueException : JsonException
{
    public EnumValueException()
    {
        AllowedNames = [];
    }

    public EnumValueException(string message)
        : base(message)
    {
        AllowedNames = [];
    }

    public EnumValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        AllowedNames = [];
    }

    public EnumValueException(IReadOnlyList<string> allowedNames)
        : base("The value must be one of: " + string.Join(", ", allowedNames ?? []) + ".")
    {
        AllowedNames = allowedNames ?? [];
    }

    public IReadOnlyList<string> AllowedNames { get; }
}
