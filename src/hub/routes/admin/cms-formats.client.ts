/**
 * Registers the hub's save formats (src/lib/cms/format.ts) with Decap, then
 * starts it: the generated configuration names these formats, and Decap
 * checks them when it reads the configuration.
 */
import { FRONTMATTER_FORMAT, YAML_FORMAT, frontmatterFormat, yamlFormat } from '../../../lib/cms/format.ts';
import { beforeWrite, dropUnwrittenFiles } from '../../../lib/cms/save-languages.ts';

interface Cms {
  registerCustomFormat(name: string, extension: string, formatter: object): void;
  init(): void;
}

const { CMS } = window as unknown as { CMS: Cms };
const { imageFields } = JSON.parse(document.body.dataset.hubCms ?? '{}') as { imageFields?: string[] };

CMS.registerCustomFormat(FRONTMATTER_FORMAT, 'md', frontmatterFormat({ imageFields, beforeWrite }));
// A language of an entry with nothing translated gets no file (src/lib/cms/i18n.ts).
dropUnwrittenFiles(CMS as never);
CMS.registerCustomFormat(YAML_FORMAT, 'yaml', yamlFormat());
CMS.init();
