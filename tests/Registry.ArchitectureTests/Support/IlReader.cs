using System.Reflection;
using System.Reflection.Emit;

namespace Registry.ArchitectureTests;

/// <summary>
/// Reads the members a method body refers to (calls, field accesses, <c>typeof</c>, <c>new</c>), so a dependency
/// that never appears in a signature — <c>services.GetRequiredService&lt;T&gt;()</c> — is still seen.
/// </summary>
internal static class IlReader
{
    private static readonly (OpCode[] OneByte, OpCode[] TwoByte) OpCodeTable = BuildOpCodeTable();

    public static IEnumerable<MemberInfo> ReferencedMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            OpCode opCode;
            if (il[position] == 0xFE)
            {
                opCode = OpCodeTable.TwoByte[il[position + 1]];
                position += 2;
            }
            else
            {
                opCode = OpCodeTable.OneByte[il[position]];
                position += 1;
            }

            switch (opCode.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    if (member is not null)
                    {
                        yield return member;
                    }

                    position += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }

    private static (OpCode[] OneByte, OpCode[] TwoByte) BuildOpCodeTable()
    {
        var oneByte = new OpCode[0x100];
        var twoByte = new OpCode[0x100];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode opCode)
            {
                var value = (ushort)opCode.Value;
                if (opCode.Size == 1)
                {
                    oneByte[value] = opCode;
                }
                else
                {
                    twoByte[value & 0xFF] = opCode;
                }
            }
        }

        return (oneByte, twoByte);
    }
}
