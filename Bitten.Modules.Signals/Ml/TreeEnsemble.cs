using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// One node of the flat tree layout: a split (<see cref="Feature"/> ≥ 0: go to <see cref="Left"/> when the
/// value is ≤ <see cref="Value"/> or missing, else to <see cref="Left"/> + 1) or a leaf (<see cref="Feature"/>
/// = −1, <see cref="Value"/> is its margin contribution, already shrunk).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct TreeNode(int Feature, float Value, int Left)
{
    public bool IsLeaf => Feature < 0;
}

/// <summary>
/// Boosted trees in one flat array (every tree's nodes contiguous, children adjacent), so scoring a row is
/// a few array reads per tree and allocates nothing.
/// </summary>
internal sealed class TreeEnsemble
{
    public TreeEnsemble(int featureCount, double baseMargin, int[] roots, TreeNode[] nodes)
    {
        FeatureCount = featureCount;
        BaseMargin = baseMargin;
        Roots = roots;
        Nodes = nodes;
    }

    public int FeatureCount { get; }

    public double BaseMargin { get; }

    public int[] Roots { get; }

    public TreeNode[] Nodes { get; }

    public int TreeCount => Roots.Length;

    /// <summary>The raw margin (log-odds) of one row of <see cref="FeatureCount"/> values.</summary>
    public double Margin(ReadOnlySpan<float> x) => Margin(x, Roots.Length);

    /// <summary>The margin using only the first <paramref name="trees"/> trees.</summary>
    public double Margin(ReadOnlySpan<float> x, int trees)
    {
        if (x.Length < FeatureCount)
        {
            throw new ArgumentException($"needs {FeatureCount} features", nameof(x));
        }

        ref var nodes = ref MemoryMarshal.GetArrayDataReference(Nodes);
        ref var roots = ref MemoryMarshal.GetArrayDataReference(Roots);
        ref var row = ref MemoryMarshal.GetReference(x);
        var sum = BaseMargin;
        var t = 0;

        // Four trees walked side by side: each step of a walk waits on the load before it, so interleaving
        // independent walks lets the CPU overlap their loads. Leaves are added in tree order, so the sum is
        // bit-for-bit the one a tree-at-a-time walk gives.
        for (; t + 4 <= trees; t += 4)
        {
            var a = Unsafe.Add(ref roots, t);
            var b = Unsafe.Add(ref roots, t + 1);
            var c = Unsafe.Add(ref roots, t + 2);
            var d = Unsafe.Add(ref roots, t + 3);
            TreeNode na, nb, nc, nd;
            while (true)
            {
                na = Unsafe.Add(ref nodes, a);
                nb = Unsafe.Add(ref nodes, b);
                nc = Unsafe.Add(ref nodes, c);
                nd = Unsafe.Add(ref nodes, d);
                if ((na.Feature & nb.Feature & nc.Feature & nd.Feature) < 0) // every sign bit set: all four at a leaf
                {
                    break;
                }

                a = Step(in na, a, ref row);
                b = Step(in nb, b, ref row);
                c = Step(in nc, c, ref row);
                d = Step(in nd, d, ref row);
            }

            sum += na.Value;
            sum += nb.Value;
            sum += nc.Value;
            sum += nd.Value;
        }

        for (; t < trees; t++)
        {
            var i = Unsafe.Add(ref roots, t);
            while (true)
            {
                var node = Unsafe.Add(ref nodes, i);
                if (node.Feature < 0)
                {
                    sum += node.Value;
                    break;
                }

                i = Step(in node, i, ref row);
            }
        }

        return sum;
    }

    /// <summary>
    /// The next node of a walk: a leaf stays where it is; a split goes right only when v &gt; threshold
    /// (NaN compares false, so a missing value goes left).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(in TreeNode node, int index, ref float row) =>
        node.Feature < 0 ? index : node.Left + (Unsafe.Add(ref row, node.Feature) > node.Value ? 1 : 0);

    public double Probability(ReadOnlySpan<float> x) => Sigmoid(Margin(x));

    public static double Sigmoid(double margin) => 1.0 / (1.0 + Math.Exp(-margin));
}
