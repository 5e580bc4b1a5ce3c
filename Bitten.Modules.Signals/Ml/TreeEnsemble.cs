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
        var sum = BaseMargin;
        for (var t = 0; t < trees; t++)
        {
            var i = Roots[t];
            while (true)
            {
                var node = Unsafe.Add(ref nodes, i);
                if (node.Feature < 0)
                {
                    sum += node.Value;
                    break;
                }

                // right only when v > threshold: NaN compares false, so missing goes left (branch-free select)
                i = node.Left + (x[node.Feature] > node.Value ? 1 : 0);
            }
        }

        return sum;
    }

    public double Probability(ReadOnlySpan<float> x) => Sigmoid(Margin(x));

    public static double Sigmoid(double margin) => 1.0 / (1.0 + Math.Exp(-margin));
}
