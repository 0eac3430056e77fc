-- A lead first captured by a website form (hosted page or embed), apart from one typed in the app.
ALTER TYPE "CaptureMethod" ADD VALUE 'WEBSITE';
