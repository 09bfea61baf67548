/**
 * The options page's rule preview sample: twelve papers of the real cs.DC "new" listing of
 * 27 February 2026 (arXiv metadata; the same papers as tests/fixtures/list-new-cs.DC-2026-02-27.html),
 * chosen to cover the listing's topics (federated learning, storage, GPU collectives, LLM serving,
 * consensus, graph algorithms) and an author with a diacritic (Piotr Żelasko). Kept as data rather than
 * the whole saved page, so the options page does not ship a 105 KB listing.
 */
import type { PaperText } from '@/lib/rules/match';

export const RULE_PREVIEW_SAMPLE: readonly PaperText[] = [
  {
    "title": "Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)",
    "authors": [
      "Yahao Ding",
      "Yinchao Yang",
      "Jiaxiang Wang",
      "Zhonghao Liu",
      "Zhaohui Yang",
      "Mingzhe Chen",
      "Mohammad Shikh-Bahaei"
    ],
    "abstract": "This paper investigates the problem of minimizing total energy consumption for secure federated learning (FL) in wireless edge networks, a key paradigm for decentralized big data analytics. To tackle the high computational cost and privacy challenges of processing large-scale distributed data with conventional neural networks, we propose an FL with hyperdimensional computing and differential privacy (FL-HDC-DP) framework. Each edge device employs hyperdimensional computing (HDC) for lightweight local training and applies differential privacy (DP) noise to protect transmitted model updates. The total energy consumption is minimized through a joint optimization of the HDC dimension, transmit power, and CPU frequency. An efficient hybrid algorithm is developed, combining an outer enumeration search for HDC dimensions with an inner one-dimensional search for resource allocation. Simulation results show that the proposed framework achieves up to 83.3% energy reduction compared with baseline schemes, while maintaining high accuracy and faster convergence.",
    "comments": "6 pages, 3 figures",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  },
  {
    "title": "DIAL: Decentralized I/O AutoTuning via Learned Client-side Local Metrics for Parallel File System",
    "authors": [
      "Md Hasanur Rashid",
      "Xinyi Li",
      "Youbiao He",
      "Forrest Sheng Bao",
      "Dong Dai"
    ],
    "abstract": "Enabling efficient, high-performance data access in parallel file systems (PFS) is critical for today's high-performance computing systems. PFS client-side I/O heavily impacts the final I/O performance delivered to individual applications and the entire system. Autotuning the key client-side I/O behaviors has been extensively studied and shows promising results. However, existing work has heavily relied on extensive number of global runtime metrics to monitor and accurate modeling of applications' I/O patterns. Such heavy overheads significantly limit the ability to enable fine-grained, dynamic tuning in practical systems. In this study, we propose DIAL (Decentralized I/O AutoTuning via Learned Client-side Local Metrics) which takes a drastically different approach. Instead of trying to extract the global I/O patterns of applications, DIAL takes a decentralized approach, treating each I/O client as an independent unit and tuning configurations using only its locally observable metrics. With the help of machine learning models, DIAL enables multiple tunable units to make independent but collective decisions, reacting to what is happening in the global storage systems in a timely manner and achieving better I/O performance globally for the application.",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Performance",
        "code": "cs.PF"
      }
    ]
  },
  {
    "title": "GetBatch: Distributed Multi-Object Retrieval for ML Data Loading",
    "authors": [
      "Alex Aizman",
      "Abhishek Gaikwad",
      "Piotr Żelasko"
    ],
    "abstract": "Machine learning training pipelines consume data in batches. A single training step may require thousands of samples drawn from shards distributed across a storage cluster. Issuing thousands of individual GET requests incurs per-request overhead that often dominates data transfer time. To solve this problem, we introduce GetBatch - a new object store API that elevates batch retrieval to a first-class storage operation, replacing independent GET operations with a single deterministic, fault-tolerant streaming execution. GetBatch achieves up to 15x throughput improvement for small objects and, in a production training workload, reduces P95 batch retrieval latency by 2x and P99 per-object tail latency by 3.7x compared to individual GET requests.",
    "comments": "11 pages, 3 figures, 2 tables. Preprint",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Artificial Intelligence",
        "code": "cs.AI"
      },
      {
        "name": "Databases",
        "code": "cs.DB"
      },
      {
        "name": "Machine Learning",
        "code": "cs.LG"
      }
    ]
  },
  {
    "title": "veScale-FSDP: Flexible and High-Performance FSDP at Scale",
    "authors": [
      "Zezhou Wang",
      "Youjie Li",
      "Zhiqi Lin",
      "Jiacheng Yang",
      "Cong Xie",
      "Guanyu Feng",
      "Zheng Zhong",
      "Ziyue Huang",
      "Hongyu Zhu",
      "Zhi Zhang",
      "Yanghua Peng",
      "Xin Liu"
    ],
    "abstract": "Fully Sharded Data Parallel (FSDP), also known as ZeRO, is widely used for training large-scale models, featuring its flexibility and minimal intrusion on model code. However, current FSDP systems struggle with structure-aware training methods (e.g., block-wise quantized training) and with non-element-wise optimizers (e.g., Shampoo and Muon) used in cutting-edge models (e.g., Gemini, Kimi K2). FSDP's fixed element- or row-wise sharding formats conflict with the block-structured computations. In addition, today's implementations fall short in communication and memory efficiency, limiting scaling to tens of thousands of GPUs. We introduce veScale-FSDP, a redesigned FSDP system that couples a flexible sharding format, RaggedShard, with a structure-aware planning algorithm to deliver both flexibility and performance at scale. veScale-FSDP natively supports efficient data placement required by FSDP, empowering block-wise quantization and non-element-wise optimizers. As a result, veScale-FSDP achieves 5~66% higher throughput and 16~30% lower memory usage than existing FSDP systems, while scaling efficiently to tens of thousands of GPUs.",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Artificial Intelligence",
        "code": "cs.AI"
      },
      {
        "name": "Machine Learning",
        "code": "cs.LG"
      }
    ]
  },
  {
    "title": "CCCL: Node-Spanning GPU Collectives with CXL Memory Pooling",
    "authors": [
      "Dong Xu",
      "Han Meng",
      "Xinyu Chen",
      "Dengcheng Zhu",
      "Wei Tang",
      "Fei Liu",
      "Liguang Xie",
      "Wu Xiang",
      "Rui Shi",
      "Yue Li",
      "Henry Hu",
      "Hui Zhang",
      "Jianping Jiang",
      "Dong Li"
    ],
    "abstract": "Large language models (LLMs) training or inference across multiple nodes introduces significant pressure on GPU memory and interconnect bandwidth. The Compute Express Link (CXL) shared memory pool offers a scalable solution by enabling memory sharing across nodes, reducing over-provisioning and improving resource utilization. We propose \\name, a collective communication library, leveraging the CXL shared memory pool to support cross-node GPU operations without relying on traditional RDMA-based networking. Our design addresses the challenges on synchronization, data interleaving, and communication parallelization faced by using the CXL shared memory pool for collective communications. Evaluating on multiple nodes with a TITAN-II CXL switch and six Micron CZ120 memory cards, we show that \\name achieves highly efficient collective operations across hosts, demonstrating CXL's potential for scalable, memory-centric GPU communication. Our evaluation demonstrates that \\name achieves average performance improvements of 1.34$\\times$ for AllGather, 1.84$\\times$ for Broadcast, 1.94$\\times$ for Gather, and 1.04$\\times$ for Scatter, compared to the original RDMA-based implementation over 200 Gbps InfiniBand. \\textcolor{dong}{In addition, the evaluation with a case of LLM training shows 1.11$\\times$ speedup compared with the InfiniBand while saving production cost by $2.75\\times$ in hardware.}",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Emerging Technologies",
        "code": "cs.ET"
      }
    ]
  },
  {
    "title": "FLYING SERVING: On-the-Fly Parallelism Switching for Large Language Model Serving",
    "authors": [
      "Shouwei Gao",
      "Junqi Yin",
      "Feiyi Wang",
      "Wenqian Dong"
    ],
    "abstract": "Production LLM serving must simultaneously deliver high throughput, low latency, and sufficient context capacity under non-stationary traffic and mixed request requirements. Data parallelism (DP) maximizes throughput by running independent replicas, while tensor parallelism (TP) reduces per-request latency and pools memory for long-context inference. However, existing serving stacks typically commit to a static parallelism configuration at deployment; adapting to bursts, priorities, or long-context requests is often disruptive and slow. We present Flying Serving, a vLLM-based system that enables online DP-TP switching without restarting engine workers. Flying Serving makes reconfiguration practical by virtualizing the state that would otherwise force data movement: (i) a zero-copy Model Weights Manager that exposes TP shard views on demand, (ii) a KV Cache Adaptor that preserves request KV state across DP/TP layouts, (iii) an eagerly initialized Communicator Pool to amortize collective setup, and (iv) a deadlock-free scheduler that coordinates safe transitions under execution skew. Across three popular LLMs and realistic serving scenarios, Flying Serving improves performance by up to $4.79\\times$ under high load and $3.47\\times$ under low load while supporting latency- and memory-driven requests.",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  },
  {
    "title": "A Simple Distributed Deterministic Planar Separator",
    "authors": [
      "Yaseen Abd-Elhaleem",
      "Michal Dory",
      "Oren Weimann"
    ],
    "abstract": "A balanced separator of a graph $G$ is a set of vertices whose removal disconnects the graph into connected components that are a constant factor smaller than $G$. Lipton and Tarjan [FOCS'77] famously proved that every planar graph admits a balanced separator of size $O(\\sqrt{n})$, as well as a balanced separator of size $O(D)$ that is a simple path (where $D$ is $G$'s diameter). In the centralized setting, both separators can be found in linear time. In the distributed setting, $D$ is a universal lower bound for the round complexity of solving many optimization problems, so, separators of size $O(D)$ are preferable. It was not until [DISC'17] that a distributed algorithm was devised by Ghaffari and Parter to compute such an $O(D)$-size separator in $\\tilde O(D)$ rounds, by adapting the Lipton-Tarjan algorithm to the distributed model. Since then, this algorithm was used in several distributed algorithms for planar graphs, e.g., [GP, DISC'17], [LP, STOC'19], [AEDPW, PODC'25]. However, the algorithm is randomized, deeming the algorithms that use it to be randomized as well. Obtaining a deterministic algorithm remained an interesting open question until [PODC'25], when a (complex) deterministic separator algorithm was given by Jauregui, Montealegre and Rapaport. We present a much simpler deterministic separator algorithm with the same (near-optimal) $\\tilde O(D)$-round complexity. While previous works devised either complicated or randomized ways of transferring weights from vertices to faces of $G$, we show that a straightforward way also works: Each vertex simply transfers its weight to one arbitrary face it lies on. That's it! We note that a deterministic separator algorithm directly derandomizes the state-of-the-art distributed algorithms for classical problems on planar graphs such as single-source shortest-paths, maximum-flow, directed global min-cut, and reachability.",
    "comments": "19 pages, to appear in SIROCCO 2026",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Data Structures and Algorithms",
        "code": "cs.DS"
      }
    ]
  },
  {
    "title": "Exploiting network topology in brain-scale simulations of spiking neural networks",
    "authors": [
      "Melissa Lober",
      "Markus Diesmann",
      "Susanne Kunkel"
    ],
    "abstract": "Simulation code for conventional supercomputers serves as a reference for neuromorphic computing systems. The present bottleneck of distributed large-scale spiking neuronal network simulations is the communication between compute nodes. Communication speed seems limited by the interconnect between the nodes and the software library orchestrating the data transfer. Profiling reveals, however, that the variability of the time required by the compute nodes between communication calls is large. The bottleneck is in fact the waiting time for the slowest node. A statistical model explains total simulation time on the basis of the distribution of computation times between communication calls. A fundamental cure is to avoid communication calls because this requires fewer synchronizations and reduces the variability of computation times across compute nodes. The organization of the mammalian brain into areas lends itself to such an optimization strategy. Connections between neurons within an area have short delays, but the delays of the long-range connections across areas are an order of magnitude longer. This suggests a structure-aware mapping of areas to compute nodes allowing for a partition into more frequent communication between nodes simulating a particular area and less frequent global communication. We demonstrate a substantial performance gain on a real-world example. This work proposes a local-global hybrid communication architecture for large-scale neuronal network simulations as a first step in mapping the structure of the brain to the structure of a supercomputer. It challenges the long-standing belief that the bottleneck of simulation is synchronization inherent in the collective calls of standard communication libraries. We provide guidelines for the energy efficient simulation of neuronal networks on conventional computing systems and raise the bar for neuromorphic systems.",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      },
      {
        "name": "Neurons and Cognition",
        "code": "q-bio.NC"
      }
    ]
  },
  {
    "title": "Tackling Privacy Heterogeneity in Differentially Private Federated Learning",
    "authors": [
      "Ruichen Xu",
      "Ying-Jun Angela Zhang",
      "Jianwei Huang"
    ],
    "abstract": "Differentially private federated learning (DP-FL) enables clients to collaboratively train machine learning models while preserving the privacy of their local data. However, most existing DP-FL approaches assume that all clients share a uniform privacy budget, an assumption that does not hold in real-world scenarios where privacy requirements vary widely. This privacy heterogeneity poses a significant challenge: conventional client selection strategies, which typically rely on data quantity, cannot distinguish between clients providing high-quality updates and those introducing substantial noise due to strict privacy constraints. To address this gap, we present the first systematic study of privacy-aware client selection in DP-FL. We establish a theoretical foundation by deriving a convergence analysis that quantifies the impact of privacy heterogeneity on training error. Building on this analysis, we propose a privacy-aware client selection strategy, formulated as a convex optimization problem, that adaptively adjusts selection probabilities to minimize training error. Extensive experiments on benchmark datasets demonstrate that our approach achieves up to a 10% improvement in test accuracy on CIFAR-10 compared to existing baselines under heterogeneous privacy budgets. These results highlight the importance of incorporating privacy heterogeneity into client selection for practical and effective federated learning.",
    "subjects": [
      {
        "name": "Machine Learning",
        "code": "cs.LG"
      },
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  },
  {
    "title": "RLHFless: Serverless Computing for Efficient RLHF",
    "authors": [
      "Rui Wei",
      "Hanfei Yu",
      "Shubham Jain",
      "Yogarajan Sivakumar",
      "Devesh Tiwari",
      "Jian Li",
      "Seung-Jong Park",
      "Hao Wang"
    ],
    "abstract": "Reinforcement Learning from Human Feedback (RLHF) has been widely applied to Large Language Model (LLM) post-training to align model outputs with human preferences. Recent models, such as DeepSeek-R1, have also shown RLHF's potential to improve LLM reasoning on complex tasks. In RL, inference and training co-exist, creating dynamic resource demands throughout the workflow. Compared to traditional RL, RLHF further challenges training efficiency due to expanding model sizes and resource consumption. Several RLHF frameworks aim to balance flexible abstraction and efficient execution. However, they rely on serverful infrastructures, which struggle with fine-grained resource variability. As a result, during synchronous RLHF training, idle time between or within RL components often causes overhead and resource wastage. To address these issues, we present RLHFless, the first scalable training framework for synchronous RLHF, built on serverless computing environments. RLHFless adapts to dynamic resource demands throughout the RLHF pipeline, pre-computes shared prefixes to avoid repeated computation, and uses a cost-aware actor scaling strategy that accounts for response length variation to find sweet spots with lower cost and higher speed. In addition, RLHFless assigns workloads efficiently to reduce intra-function imbalance and idle time. Experiments on both physical testbeds and a large-scale simulated cluster show that RLHFless achieves up to 1.35x speedup and 44.8% cost reduction compared to the state-of-the-art baseline.",
    "subjects": [
      {
        "name": "Artificial Intelligence",
        "code": "cs.AI"
      },
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  },
  {
    "title": "Sparse Checkpointing for Fast and Reliable MoE Training",
    "authors": [
      "Swapnil Gandhi",
      "Christos Kozyrakis"
    ],
    "abstract": "As large language models scale, training them requires thousands of GPUs over extended durations--making frequent failures an inevitable reality. While checkpointing remains the primary fault-tolerance mechanism, existing methods fall short when applied to Mixture-of-Experts (MoE) models. Due to their substantially larger training state, MoE models exacerbate checkpointing overheads, often causing costly stalls or prolonged recovery that severely degrade training efficiency. We present MoEtion, a distributed, in-memory checkpointing system tailored for MoE models. MoEtion is built on three key ideas: (1) sparse checkpointing, which incrementally snapshots subsets of experts across iterations to reduce overhead; (2) a sparse-to-dense checkpoint conversion mechanism that incrementally reconstructs consistent dense checkpoints from sparse snapshots; and (3) upstream logging of activations and gradients at pipeline-stage boundaries, enabling localized recovery without re-executing unaffected workers. Evaluations across diverse MoE models with up to 64 experts show that MoEtion reduces checkpointing overhead by up to \\(4\\times\\) and recovery overhead by up to \\(31\\times\\) compared to state-of-the-art approaches, sustaining consistently high Effective Training Time Ratios (ETTR) of up to $\\ge 0.94$ even under frequent failures (MTBF as low as 10 minutes) and delivering up to $8\\times$ overall training speedup, all without compromising synchronous training semantics. Overall, MoEtion offers a robust and scalable fault-tolerance solution for the next generation of sparsely activated models.",
    "comments": "NSDI'26 | Camera-Ready",
    "subjects": [
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  },
  {
    "title": "Hybrid Consensus with Quantum Sybil Resistance",
    "authors": [
      "Dar Gilboa",
      "Siddhartha Jain",
      "Or Sattath"
    ],
    "abstract": "Sybil resistance is a key requirement of decentralized consensus protocols. It is achieved by introducing a scarce resource (such as computational power, monetary stake, disk space, etc.), which prevents participants from costlessly creating multiple fake identities and hijacking the protocol. Quantum states are generically uncloneable, which suggests that they may serve naturally as an unconditionally scarce resource. In particular, uncloneability underlies quantum position-based cryptography, which is unachievable classically. We design a consensus protocol that combines classical hybrid consensus protocols with quantum position verification as the Sybil resistance mechanism, providing security in the standard model, and achieving improved energy efficiency compared to hybrid protocols based on Proof-of-Work. Our protocol inherits the benefits of other hybrid protocols, namely the faster confirmation times compared to pure Proof-of-Work protocols, and resilience against the compounding wealth issue that plagues protocols based on Proof-of-Stake Sybil resistance. We additionally propose a spam prevention mechanism for our protocol in the Random Oracle model.",
    "subjects": [
      {
        "name": "Quantum Physics",
        "code": "quant-ph"
      },
      {
        "name": "Distributed, Parallel, and Cluster Computing",
        "code": "cs.DC"
      }
    ]
  }
];
