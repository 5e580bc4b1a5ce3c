using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bitten.Modules.Signals.Ml;

/// <summary>What boosting produced: the trees, the round kept by early stopping and each round's validation log-loss.</summary>
internal sealed record BoostingResult(TreeEnsemble Ensemble, int Rounds, IReadOnlyList<double> ValidationLogLoss);

/// <summary>
/// Gradient-boosted decision trees for binary classification (DOMAIN §7), single-threaded and deterministic
/// for a seed: logistic loss with its gradient g = p − y and hessian h = p(1 − p); each tree grown level by
/// level to <see cref="GbdtOptions.MaxDepth"/> from per-node histograms of (Σg, Σh) over quantile bins — the
/// smaller child's histogram is built from its rows (kept in ascending order) and the larger one's is the
/// parent's minus it; a split maximises G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) with both sides' hessian ≥
/// min_child_weight and half the gain above γ; leaves weigh −G/(H+λ) × eta. Rows and columns are subsampled
/// per tree; validation log-loss stops the boosting when it stops improving and the best round is kept.
/// </summary>
internal static class GbdtTrainer
{
    private const int BinStride = 256;

    public static BoostingResult Train(Dataset train, Dataset? validation, GbdtOptions options)
    {
        options.Validate();
        if (train.Rows == 0)
        {
            throw new ArgumentException("no training rows", nameof(train));
        }

        if (validation is not null && validation.Features != train.Features)
        {
            throw new ArgumentException("validation has a different number of features", nameof(validation));
        }

        var n = train.Rows;
        var features = train.Features;
        var binning = FeatureBins.Build(train, options.MaxBins);
        var bins = binning.Bin(train);
        var binCounts = new int[features];
        for (var f = 0; f < features; f++)
        {
            binCounts[f] = binning.BinCount(f);
        }

        var mean = Math.Clamp(train.Y.Average(), 1e-6, 1 - 1e-6);
        var baseMargin = Math.Log(mean / (1 - mean));
        var margin = new double[n];
        Array.Fill(margin, baseMargin);
        var grad = new float[n];
        var hess = new float[n];
        var rows = new int[n];
        var scratch = new int[n];
        var validationMargin = validation is null ? [] : new double[validation.Rows];
        Array.Fill(validationMargin, baseMargin);

        var builder = new TreeBuilder(options, bins, binCounts, features, grad, hess, rows, scratch);
        var flat = new List<TreeNode>();
        var roots = new List<int>();
        var losses = new List<double>();
        var rng = new SplitMix64(options.Seed);
        var all = Enumerable.Range(0, features).ToArray();
        var selected = new int[Math.Max(1, (int)Math.Round(options.ColSample * features))];
        var best = double.PositiveInfinity;
        var bestRounds = 0;

        for (var round = 0; round < options.Rounds; round++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = TreeEnsemble.Sigmoid(margin[i]);
                grad[i] = (float)(p - train.Y[i]);
                hess[i] = (float)Math.Max(p * (1 - p), 1e-16);
            }

            var sampled = 0;
            for (var i = 0; i < n; i++)
            {
                if (options.Subsample >= 1 || rng.NextDouble() < options.Subsample)
                {
                    rows[sampled++] = i;
                }
            }

            if (selected.Length == features)
            {
                all.CopyTo(selected, 0);
            }
            else
            {
                for (var i = 0; i < selected.Length; i++)
                {
                    var j = i + rng.NextInt(features - i);
                    (all[i], all[j]) = (all[j], all[i]);
                }

                all.AsSpan(0, selected.Length).CopyTo(selected);
                Array.Sort(selected);
                Array.Sort(all);
            }

            var tree = builder.Grow(sampled, selected);
            var offset = flat.Count;
            roots.Add(offset);
            foreach (var node in tree)
            {
                flat.Add(node.IsLeaf ? new TreeNode(-1, node.Value, 0) : new TreeNode(node.Feature, binning.Threshold(node.Feature, node.SplitBin), node.Left + offset));
            }

            for (var i = 0; i < n; i++)
            {
                margin[i] += BinnedLeaf(tree, bins, i * features);
            }

            if (validation is not null && validation.Rows > 0)
            {
                var treeArray = CollectionsMarshal.AsSpan(flat)[offset..];
                for (var i = 0; i < validation.Rows; i++)
                {
                    validationMargin[i] += Leaf(treeArray, validation.Row(i), offset);
                }

                var loss = LogLossOfMargins(validationMargin, validation.Y);
                losses.Add(loss);
                if (loss < best - 1e-12)
                {
                    best = loss;
                    bestRounds = round + 1;
                }
                else if (options.EarlyStoppingRounds > 0 && round + 1 - bestRounds >= options.EarlyStoppingRounds)
                {
                    break;
                }
            }
            else
            {
                bestRounds = round + 1;
            }
        }

        var kept = bestRounds == roots.Count ? flat.Count : roots[bestRounds];
        var ensemble = new TreeEnsemble(features, baseMargin, [.. roots.Take(bestRounds)], [.. flat.Take(kept)]);
        return new BoostingResult(ensemble, bestRounds, losses);
    }

    public static double LogLossOfMargins(ReadOnlySpan<double> margins, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (var i = 0; i < margins.Length; i++)
        {
            // log(1 + e^-m) for a win, log(1 + e^m) for a loss, computed stably
            var m = labels[i] > 0.5f ? margins[i] : -margins[i];
            sum += m > 0 ? Math.Log(1 + Math.Exp(-m)) : -m + Math.Log(1 + Math.Exp(m));
        }

        return margins.Length == 0 ? double.NaN : sum / margins.Length;
    }

    private static float BinnedLeaf(List<BuildNode> tree, byte[] bins, int rowOffset)
    {
        var i = 0;
        while (true)
        {
            var node = tree[i];
            if (node.IsLeaf)
            {
                return node.Value;
            }

            i = bins[rowOffset + node.Feature] <= node.SplitBin ? node.Left : node.Left + 1;
        }
    }

    private static float Leaf(ReadOnlySpan<TreeNode> tree, ReadOnlySpan<float> x, int offset)
    {
        var i = 0;
        while (true)
        {
            var node = tree[i];
            if (node.IsLeaf)
            {
                return node.Value;
            }

            var v = x[node.Feature];
            i = (v <= node.Value || float.IsNaN(v) ? node.Left : node.Left + 1) - offset;
        }
    }

    internal struct BuildNode
    {
        public int Feature;
        public int SplitBin;
        public int Left;
        public float Value;

        public readonly bool IsLeaf => Feature < 0;
    }

    private readonly record struct Pending(int Node, int Start, int End, double G, double H, double[]? Histogram);

    private sealed class TreeBuilder(
        GbdtOptions options, byte[] bins, int[] binCounts, int features, float[] grad, float[] hess, int[] rows, int[] scratch)
    {
        private readonly Stack<double[]> _pool = new();

        public List<BuildNode> Grow(int sampled, int[] selected)
        {
            var tree = new List<BuildNode>(1 << Math.Min(options.MaxDepth + 1, 12));
            double g = 0, h = 0;
            for (var i = 0; i < sampled; i++)
            {
                g += grad[rows[i]];
                h += hess[rows[i]];
            }

            tree.Add(new BuildNode { Feature = -1 });
            var level = new List<Pending>();
            var canSplitRoot = options.MaxDepth > 0 && h >= 2 * options.MinChildWeight && sampled > 1;
            level.Add(new Pending(0, 0, sampled, g, h, canSplitRoot ? Histogram(0, sampled, selected) : null));
            var next = new List<Pending>();
            for (var depth = 0; depth < options.MaxDepth && level.Count > 0; depth++)
            {
                var childrenSplittable = depth + 1 < options.MaxDepth;
                foreach (var item in level)
                {
                    if (item.Histogram is null || !TryFindSplit(item.Histogram, item.G, item.H, selected, out var feature, out var bin, out var gl, out var hl))
                    {
                        SetLeaf(tree, item);
                        continue;
                    }

                    var mid = Partition(item.Start, item.End, feature, bin);
                    var left = tree.Count;
                    tree.Add(new BuildNode { Feature = -1 });
                    tree.Add(new BuildNode { Feature = -1 });
                    tree[item.Node] = new BuildNode { Feature = feature, SplitBin = bin, Left = left };
                    var (gr, hr) = (item.G - gl, item.H - hl);
                    var leftWanted = childrenSplittable && hl >= 2 * options.MinChildWeight && mid - item.Start > 1;
                    var rightWanted = childrenSplittable && hr >= 2 * options.MinChildWeight && item.End - mid > 1;
                    double[]? leftHist = null, rightHist = null;
                    if (leftWanted || rightWanted)
                    {
                        var leftSmaller = mid - item.Start <= item.End - mid;
                        var small = leftSmaller ? Histogram(item.Start, mid, selected) : Histogram(mid, item.End, selected);
                        Subtract(item.Histogram, small, selected); // the parent's buffer becomes the larger child's
                        (leftHist, rightHist) = leftSmaller ? (small, item.Histogram) : (item.Histogram, small);
                        if (!leftWanted)
                        {
                            _pool.Push(leftHist);
                            leftHist = null;
                        }

                        if (!rightWanted)
                        {
                            _pool.Push(rightHist);
                            rightHist = null;
                        }
                    }
                    else
                    {
                        _pool.Push(item.Histogram);
                    }

                    next.Add(new Pending(left, item.Start, mid, gl, hl, leftHist));
                    next.Add(new Pending(left + 1, mid, item.End, gr, hr, rightHist));
                }

                (level, next) = (next, level);
                next.Clear();
            }

            foreach (var item in level)
            {
                SetLeaf(tree, item);
            }

            return tree;
        }

        private void SetLeaf(List<BuildNode> tree, in Pending item)
        {
            tree[item.Node] = new BuildNode { Feature = -1, Value = (float)(-item.G / (item.H + options.Lambda) * options.LearningRate) };
            if (item.Histogram is not null)
            {
                _pool.Push(item.Histogram);
            }
        }

        private double[] Histogram(int start, int end, int[] selected)
        {
            var hist = _pool.Count > 0 ? _pool.Pop() : new double[features * BinStride * 2];
            foreach (var f in selected)
            {
                Array.Clear(hist, f * BinStride * 2, binCounts[f] * 2);
            }

            ref var h0 = ref MemoryMarshal.GetArrayDataReference(hist);
            ref var b0 = ref MemoryMarshal.GetArrayDataReference(bins);
            ref var r0 = ref MemoryMarshal.GetArrayDataReference(rows);
            ref var g0 = ref MemoryMarshal.GetArrayDataReference(grad);
            ref var s0 = ref MemoryMarshal.GetArrayDataReference(hess);
            ref var f0 = ref MemoryMarshal.GetArrayDataReference(selected);
            var count = selected.Length;
            for (var idx = start; idx < end; idx++)
            {
                var r = Unsafe.Add(ref r0, idx);
                double gr = Unsafe.Add(ref g0, r);
                double hr = Unsafe.Add(ref s0, r);
                ref var rowBins = ref Unsafe.Add(ref b0, r * features);
                for (var j = 0; j < count; j++)
                {
                    var f = Unsafe.Add(ref f0, j);
                    var k = ((f * BinStride) + Unsafe.Add(ref rowBins, f)) * 2;
                    Unsafe.Add(ref h0, k) += gr;
                    Unsafe.Add(ref h0, k + 1) += hr;
                }
            }

            return hist;
        }

        private void Subtract(double[] parent, double[] child, int[] selected)
        {
            foreach (var f in selected)
            {
                var from = f * BinStride * 2;
                var to = from + (binCounts[f] * 2);
                for (var k = from; k < to; k++)
                {
                    parent[k] -= child[k];
                }
            }
        }

        private bool TryFindSplit(double[] hist, double g, double h, int[] selected, out int bestFeature, out int bestBin, out double bestGl, out double bestHl)
        {
            var lambda = options.Lambda;
            var mcw = options.MinChildWeight;
            var parent = g * g / (h + lambda);
            var bestGain = 0.0;
            (bestFeature, bestBin, bestGl, bestHl) = (-1, 0, 0, 0);
            foreach (var f in selected)
            {
                var count = binCounts[f];
                var baseIndex = f * BinStride * 2;
                double gl = 0, hl = 0;
                for (var b = 0; b < count - 1; b++)
                {
                    gl += hist[baseIndex + (b * 2)];
                    hl += hist[baseIndex + (b * 2) + 1];
                    if (hl < mcw || hl <= 0)
                    {
                        continue;
                    }

                    var (gr, hr) = (g - gl, h - hl);
                    if (hr < mcw || hr <= 1e-12)
                    {
                        break;
                    }

                    var gain = (gl * gl / (hl + lambda)) + (gr * gr / (hr + lambda)) - parent;
                    if (gain > bestGain)
                    {
                        (bestGain, bestFeature, bestBin, bestGl, bestHl) = (gain, f, b, gl, hl);
                    }
                }
            }

            return bestFeature >= 0 && (0.5 * bestGain) > options.Gamma && bestGain > 1e-12;
        }

        private int Partition(int start, int end, int feature, int bin)
        {
            var write = start;
            var spill = 0;
            for (var idx = start; idx < end; idx++)
            {
                var r = rows[idx];
                if (bins[(r * features) + feature] <= bin)
                {
                    rows[write++] = r;
                }
                else
                {
                    scratch[spill++] = r;
                }
            }

            Array.Copy(scratch, 0, rows, write, spill);
            return write;
        }
    }
}
