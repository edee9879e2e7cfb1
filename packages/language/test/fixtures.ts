// Test fixtures shared by the front end's tests (not part of the package build).

/** docs/language.md §1, verbatim: the reference program every phase must accept. */
export const REFERENCE_PROGRAM = `# wgs-cohort.batch — 25,000 samples x 2 references x 2 callers = 100,000 runs
batch "wgs-cohort-a" {
  settings = "s3://lab-batches/cohort-a/"    # where the per-run file goes above 100 runs
  tags { project = "cohort-a" }               # tags of the batch resource itself
}

defaults {
  workflowId  = "1234567"
  roleArn     = "arn:aws:iam::123456789012:role/OmicsRunRole"
  storageType = "DYNAMIC"
  logLevel    = "ALL"
  runTags { project = "cohort-a" }
}

params {
  sample_id: string
  fastq_r1:  s3uri
  fastq_r2:  s3uri
  reference: s3uri
  caller:    "deepvariant" | "gatk"
  threads:   int = 16
  notes?:    string
}

type Sample = { sample_id: string, r1: s3uri, r2: s3uri, urgent: bool }
let samples: [Sample] = csv("samples.csv")

for s in samples, ref in ["hg38", "t2t"], caller in ["deepvariant", "gatk"] {
  run "\${s.sample_id}-\${ref}-\${caller}" {
    name      = "wgs \${s.sample_id} \${ref} \${caller}"
    outputUri = "s3://lab-results/cohort-a/\${ref}/\${caller}/\${s.sample_id}/"
    priority  = if s.urgent then 90 else 10
    params {
      sample_id = s.sample_id
      fastq_r1  = s.r1
      fastq_r2  = s.r2
      reference = "s3://lab-refs/\${ref}/genome.fa"
      caller    = caller
    }
    runTags { sample = s.sample_id, reference = ref }
  }
}
`;
