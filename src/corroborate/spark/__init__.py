"""``corroborate spark``: the pipeline's stages on Apache Spark, for crawls beyond one machine (docs/spark.md)."""

from corroborate.spark.job import SparkReport, run, run_job, spark_session

__all__ = ["SparkReport", "run", "run_job", "spark_session"]
