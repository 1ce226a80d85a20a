// Testing Library unmounts after each test only when vitest runs with globals; these tests do not.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);
