namespace Swarm.Domain.Tasks;

/// <summary>One thing wrong with an input, named by the field it concerns (JSON name, dotted for nested fields).</summary>
public sealed record FieldError(string Field, string Message);
