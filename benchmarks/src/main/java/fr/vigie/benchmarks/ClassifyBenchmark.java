package fr.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.Classification;
import fr.vigie.classification.Classifier;
import fr.vigie.classification.Classifiers;
import fr.vigie.classification.ClassifyRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classification engine alone, one thread, one post per operation: ops/s is posts/s on one core.
 * Posts come from the realistic mix in posts.tsv, shuffled once with a fixed seed so that long and short, FR and EN,
 * neutral and risky posts alternate as they would on a page. Goal of the Detection issue: at least 100,000 posts/s.
 * About 5 + 5 × 10 s ≈ 1 minute per run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 10)
public class ClassifyBenchmark {

  private Classifier classifier;
  private ClassifyRequest.Item[] posts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    classifier = Classifiers.standard(new ObjectMapper());
    List<ClassifyRequest.Item> mix = new ArrayList<>(Posts.mix());
    Collections.shuffle(mix, new Random(20240601L));
    posts = mix.toArray(new ClassifyRequest.Item[0]);
    for (ClassifyRequest.Item post : posts) {
      classifier.classify(post); // fail in setup, not in the middle of a measurement, if a post breaks the engine
    }
  }

  /** Classifies the next post of the mix; the result is returned so the JIT cannot drop the work. */
  @Benchmark
  public Classification classifyOnePost() {
    ClassifyRequest.Item post = posts[next];
    next = next + 1 == posts.length ? 0 : next + 1;
    return classifier.classify(post);
  }
}
