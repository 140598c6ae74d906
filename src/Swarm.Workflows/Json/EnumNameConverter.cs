using System.Text.Json;
using System.Text.Json.Serialization;

namespace Swarm.Workflows.Json;

/// <summary>
/// Enums as their camelCase names (<c>awaitingApproval</c>), never as numbers; a value that names no member is refused
/// with every name it could have been, so a client that sends <c>"strategy": "plural"</c> learns the strategies there are.
/// </summary>
public sealed class EnumNameConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert?.IsEnum == true;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(EnumNameConverter<>).MakeGenericType(typeToConvert));
}

/// <summary>The converter of one enum type; see <see cref="EnumNameConverter"/>.</summary>
public sealed class EnumNameConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    // Reading ignores case, as System.Text.Json's own enum converter does, so "Parallel" still reads.
    static readonly Dictionary<string, T> Values = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names a value may take, as an error lists them.</summary>
    static readonly string[] AllowedNames = [.. Names.Values];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new EnumValueException(AllowedNames);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(NameOf(value));
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(NameOf(value));
    }

    static T Parse(string? text) => text is not null && Values.TryGetValue(text, out var value) ? value : throw new EnumValueException(AllowedNames);

    // A value outside the enum (a cast number) still writes, as its number in text, rather than failing a response.
    static string NameOf(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
