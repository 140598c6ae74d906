using System.Text.Json;

namespace Swarm.Providers.Tests;

/// <summary>
/// Checks a JSON value against the parts of JSON Schema tool declarations use: type (one or a list), required,
/// properties, items, minItems, enum, const, anyOf/oneOf, minimum/maximum and maxLength. Each violation is named by
/// its path, so a failing test says which argument is wrong.
/// </summary>
static class JsonSchemaCheck
{
    public static List<string> Violations(JsonElement schema, JsonElement value, string path = "$")
    {
        var violations = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return violations;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            violations.Add($"{path} is {value.GetRawText()}, not the const {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
        {
            violations.Add($"{path} is {value.GetRawText()}, not one of {options.GetRawText()}");
        }

        foreach (var union in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(union, out var alternatives) && !alternatives.EnumerateArray().Any(a => Violations(a, value, path).Count == 0))
            {
                violations.Add($"{path} matches none of its {union} alternatives");
            }
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsOfType(value, t)))
            {
                violations.Add($"{path} is a {value.ValueKind}, not {string.Join(" or ", types)}");
                return violations;
            }
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (schema.TryGetProperty("required", out var required))
                {
                    violations.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)).Select(name => $"{path}.{name} is required but missing"));
                }

                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        if (properties.TryGetProperty(property.Name, out var propertySchema))
                        {
                            violations.AddRange(Violations(propertySchema, property.Value, $"{path}.{property.Name}"));
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
                {
                    violations.Add($"{path} has {value.GetArrayLength()} items, fewer than {minItems.GetInt32()}");
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        violations.AddRange(Violations(items, item, $"{path}[{i++}]"));
                    }
                }

                break;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("minimum", out var minimum) && value.GetDouble() < minimum.GetDouble())
                {
                    violations.Add($"{path} is {value.GetDouble()}, below {minimum.GetDouble()}");
                }

                if (schema.TryGetProperty("maximum", out var maximum) && value.GetDouble() > maximum.GetDouble())
                {
                    violations.Add($"{path} is {value.GetDouble()}, above {maximum.GetDouble()}");
                }

                break;
            case JsonValueKind.String:
                if (schema.TryGetProperty("maxLength", out var maxLength) && value.GetString()!.Length > maxLength.GetInt32())
                {
                    violations.Add($"{path} is longer than {maxLength.GetInt32()}");
                }

                break;
        }

        return violations;
    }

    static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };
}
