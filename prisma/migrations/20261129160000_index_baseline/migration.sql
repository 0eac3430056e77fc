-- The index maintenance job's memory of each index's built size (bytes per row), to tell growth from size.
CREATE TABLE "IndexBaseline" (
    "indexName" TEXT NOT NULL,
    "bytesPerRow" DOUBLE PRECISION NOT NULL,
    "rebuiltAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndexBaseline_pkey" PRIMARY KEY ("indexName")
);
